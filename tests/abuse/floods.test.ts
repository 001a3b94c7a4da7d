// Floods from one client, against the playground at its public
// defaults: hundreds of WebSocket handshakes from one address, and
// thousands of messages on one connection. The flooder is refused
// (429 for a socket over its address's cap; close code 1008 for a
// connection over its message rate) and everyone else, including the
// flooder's own earlier connections, is served as before. A second
// loopback address, 127.0.0.2, stands for another visitor.

import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { DEFAULTS } from '../../playground-server/config.ts';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../support/playground.ts';
import { openRaw } from '../support/raw-websocket.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

const CAP = DEFAULTS.wsMaxPerClient;
const HANDSHAKES = 200;
const MESSAGES = 5_000;

let server: RunningServer;
let wsBase: string;
beforeAll(async () => {
  server = await startTestServer();
  wsBase = server.url.replace('http', 'ws');
});
afterAll(() => server.close());

/** Opens a client from `from` (a loopback address) and waits for it. */
async function connect(path: string, from = '127.0.0.1') {
  const ws = new WebSocket(`${wsBase}${path}`, { localAddress: from });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** Sends `text` and resolves with the next message. */
function answer(ws: WebSocket, text: string) {
  return new Promise<string>((resolve) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.send(text);
  });
}

/** Resolves with the code `ws` was closed with. */
function closeCode(ws: WebSocket) {
  return new Promise<number>((resolve) => ws.once('close', resolve));
}

/** Closes every client and waits until the server holds none. */
async function closeAll(clients: WebSocket[]) {
  for (const ws of clients) ws.close();
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
}

const rpcCall = JSON.stringify({ jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: 1 });

test(`${HANDSHAKES} handshakes from one address over its cap of ${CAP}: all get 429, its first ${CAP} and other addresses are served`, async () => {
  const paths = ['/ws/echo', '/ws/rpc', '/ws/stream-echo', '/ws/push'];
  const first = await Promise.all(Array.from({ length: CAP }, (_, i) => connect(paths[i % 2]!)));
  const flood = await Promise.all(
    Array.from({ length: HANDSHAKES }, (_, i) => openRaw(`${wsBase}${paths[i % paths.length]}`)),
  );
  const statuses = new Set(flood.map((raw) => raw.response.split('\r\n')[0]));
  expect([...statuses]).toEqual(['HTTP/1.1 429 Too Many Requests']);
  await Promise.all(flood.map((raw) => raw.close));

  // The flooder's own earlier sockets still work, each on its endpoint.
  const echoes = first.filter((_, i) => i % 2 === 0);
  const rpcs = first.filter((_, i) => i % 2 === 1);
  expect(await Promise.all(echoes.map((ws, i) => answer(ws, `still ${i}`)))).toEqual(
    echoes.map((_, i) => `still ${i}`),
  );
  for (const ws of rpcs) {
    expect(JSON.parse(await answer(ws, rpcCall))).toEqual({ jsonrpc: '2.0', result: 19, id: 1 });
  }
  // Another address has places of its own.
  const other = await connect('/ws/echo', '127.0.0.2');
  expect(await answer(other, 'another visitor')).toBe('another visitor');
  expect(server.playground.openWebSockets()).toBe(CAP + 1);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  await closeAll([...first, other]);
});

// Every endpoint whose peers send messages: each is closed with 1008.
test.each([
  '/ws/echo',
  '/ws/raw-echo',
  '/ws/stream-echo',
  '/ws/rpc',
  '/ws/push',
  '/ws/close-report',
])(
  `${MESSAGES.toLocaleString('en')} messages at once on %s close that connection with 1008; another visitor's echo is answered throughout`,
  async (path) => {
    const bystander = await connect('/ws/echo', '127.0.0.2');
    const flooder = await connect(path);
    flooder.on('error', () => {});
    const closed = closeCode(flooder);
    const message = path === '/ws/rpc' ? rpcCall : 'flood';
    for (let i = 0; i < MESSAGES; i++) flooder.send(message);
    // While the flood is read, the other visitor is answered.
    const during = await answer(bystander, 'during');
    expect(await closed).toBe(1008);
    expect(during).toBe('during');
    expect(await answer(bystander, 'after')).toBe('after');
    await closeAll([bystander]);
  },
);
