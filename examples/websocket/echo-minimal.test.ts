// The minimal echo server as a reader runs it, in a process of its
// own: it echoes, and it has the two holes echo-server.ts closes.

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { clientFrame, openRaw } from '../../tests/support/raw-websocket.ts';

const program = fileURLToPath(new URL('./echo-minimal.ts', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill();
});

/** `node examples/websocket/echo-minimal.ts` on a free port. */
function start() {
  const running = spawn(process.execPath, [program], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = running;
  let stderr = '';
  running.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => running.once('exit', resolve));
  return new Promise<{ url: string; exited: typeof exited; stderr: () => string }>(
    (resolve, reject) => {
      running.stdout.on('data', (chunk: Buffer) => {
        const address = /listening on (\S+)/.exec(String(chunk))?.[1];
        if (address) resolve({ url: `ws://${address}/`, exited, stderr: () => stderr });
      });
      void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    },
  );
}

/** Opens Node's WebSocket; resolves once it is open. */
function open(url: string) {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  return new Promise<WebSocket>((resolve) => (ws.onopen = () => resolve(ws)));
}

const nextMessage = (ws: WebSocket) =>
  new Promise<unknown>((resolve) => (ws.onmessage = (event) => resolve(event.data)));

test('it echoes text as text and binary as binary', async () => {
  const { url } = await start();
  const ws = await open(url);
  let echo = nextMessage(ws);
  ws.send('hello, wire');
  expect(await echo).toBe('hello, wire');
  echo = nextMessage(ws);
  ws.send(new Uint8Array([0xca, 0xfe]));
  expect(await echo).toEqual(new Uint8Array([0xca, 0xfe]).buffer);
  ws.close();
});

// #region crash
test('one bad frame from one client ends the process, and every connection', async () => {
  const { url, exited, stderr } = await start();
  const reader = await open(url);
  const readerClosed = new Promise<CloseEvent>((resolve) => (reader.onclose = resolve));
  // An unmasked frame: ws closes that connection with 1002, then
  // emits 'error' on it, and no one listens for 'error'.
  const raw = await openRaw(url);
  raw.socket.write(Buffer.from('810548656c6c6f', 'hex'));
  expect(await exited).toBe(1);
  expect(stderr()).toContain('WS_ERR_EXPECTED_MASK');
  // The other reader, who did nothing wrong, is cut off too.
  expect((await readerClosed).code).toBe(1006);
});
// #endregion crash

// #region big
test('it takes a message of 1 MiB: ws allows up to 100 MiB by default', async () => {
  const { url } = await start();
  const raw = await openRaw(url);
  const big = Buffer.alloc(1024 * 1024, 0xab);
  raw.socket.write(clientFrame(0x2, big));
  // The echo comes back whole: 10 bytes of header, then the payload.
  await expect.poll(() => raw.received().length, { timeout: 20_000 }).toBe(big.length + 10);
  raw.socket.destroy();
});
// #endregion big
