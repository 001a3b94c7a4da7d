// Preloaded (`--import`) into a server under test, so a benchmark can
// ask it over the IPC channel, without changing the server's own code:
// how much memory it holds after a full garbage collection (with
// --expose-gc) and what its file-descriptor limit is ('memory'), and
// how much CPU time it has used so far ('cpu'). CPU time per message
// compares two servers even while other processes take the machine's
// cores, which makes messages per second swing from run to run.

import { readFileSync } from 'node:fs';

/** The soft limit on open files, from /proc (Linux), or null. */
function openFilesLimit() {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
    return soft === undefined ? null : Number(soft);
  } catch {
    return null;
  }
}

if (process.send) {
  process.on('message', (message: { id: number; probe: string }) => {
    if (message.probe === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ id: message.id, microseconds: user + system });
      return;
    }
    if (message.probe !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    // Twice: the first pass may only queue finalizers.
    gc?.();
    gc?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.send!({
      id: message.id,
      rss,
      heapUsed,
      external,
      arrayBuffers,
      collected: gc !== undefined,
      openFiles: openFilesLimit(),
    });
  });
  // The channel alone must not keep the server alive.
  process.channel?.unref();
}
