// The reconnecting reader (reconnecting-client.ts) against a server
// that stops talking without closing: /ws/flaky?mode=hang falls silent
// after three messages and leaves the TCP connection open, as a
// half-open connection looks from the client. No close event comes;
// only the client's own heartbeat notices.

import type { DemoIO } from '../demo-io.ts';
import { ReconnectPolicy } from './reconnect-policy.ts';
import { readResuming } from './reconnecting-client.ts';

// #region run
/** Reads six counts from a server that hangs after every third. */
export async function run(io: DemoIO): Promise<void> {
  const got: number[] = [];
  const enough = new AbortController();
  await readResuming({
    WebSocket: io.WebSocket,
    url(since) {
      const path = `/ws/flaky?after=3&mode=hang&since=${since ?? 0}`;
      io.log(`connecting to ${path}`);
      return io.url(path, 'ws');
    },
    policy: new ReconnectPolicy({
      baseMs: 100,
      capMs: 2_000,
      healthyMs: 5_000,
      laterMs: 5_000,
    }),
    // Short, for the page: quiet for 0.5 s, then 0.5 s to answer.
    heartbeat: { quietMs: 500, timeoutMs: 500 },
    signal: AbortSignal.any([io.signal, enough.signal]),
    deliver(message) {
      io.received(JSON.stringify(message));
      if (got.push(message.seq) === 6) enough.abort();
    },
    report: (line) => io.log(line),
  });
  io.signal.throwIfAborted();
  io.log(`got ${got.join(', ')}`);
}
// #endregion run
