import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';

const script = fileURLToPath(new URL('./tcp-echo-basic.ts', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

/** Starts the script on a free port, as the page says to run it. */
async function start() {
  const child = spawn(process.execPath, [script, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  const match = /^listening on 127\.0\.0\.1:(\d+)\n$/.exec(String(first));
  expect(match, String(first)).not.toBeNull();
  return { child, port: Number(match![1]), stderr: () => stderr };
}

/** Sends `text`, half-closes, and collects all that comes back. */
async function exchange(socket: Socket, text: string) {
  await once(socket, 'connect');
  socket.end(text);
  let echoed = '';
  for await (const chunk of socket) echoed += chunk;
  return echoed;
}

test('every byte comes back, and the FIN that ends it is answered', async () => {
  const { port } = await start();
  const socket = connect(port, '127.0.0.1');
  // The server never ends a connection itself: Node does, when the
  // client's FIN arrives (allowHalfOpen is false by default).
  expect(await exchange(socket, 'hello\nworld\n')).toBe('hello\nworld\n');
});

test('a client that resets takes the whole server down', async () => {
  const { child, port, stderr } = await start();
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.resetAndDestroy();
  // No 'error' listener on the server's socket: ECONNRESET is thrown,
  // and an uncaught throw ends the process, and every connection.
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(stderr()).toMatch(/ECONNRESET/);
});

const withGo = needs(whyGoIsMissing('go'));
withGo.test(
  "Go's version echoes the same, and outlives a reset",
  async () => {
    const go = await startGo(buildGo('tcp-echo-basic.go'), ['-addr', '127.0.0.1:0']);
    try {
      const [host, port] = [
        go.address.replace(/:\d+$/, ''),
        Number(/:(\d+)$/.exec(go.address)![1]),
      ];
      const rude = connect(port, host);
      await once(rude, 'connect');
      rude.resetAndDestroy();
      // Go's Read returns the error; the goroutine ends, the server not.
      expect(await exchange(connect(port, host), 'hello\n')).toBe('hello\n');
      expect(go.process.exitCode).toBeNull();
    } finally {
      go.stop();
    }
  },
  60_000,
);
