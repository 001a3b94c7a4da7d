import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { clientFrame, openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import { startHeartbeat } from './heartbeat.ts';

// The heartbeat's interval is a fake clock that the tests move, one
// round at a time, so a busy machine cannot make a pong look late.
// The playground's interval is WS_HEARTBEAT_MS, 30 s by default.
const INTERVAL_MS = 1_000;

const http = createServer();
const wss = new WebSocketServer({ server: http });
let url: string;
let stop = () => {};
/** Pongs the server has received, over all connections. */
let pongs = 0;
wss.on('connection', (ws) => ws.on('pong', () => pongs++));

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  pongs = 0;
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  for (const ws of wss.clients) ws.terminate();
});
afterAll(async () => {
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => http.close(resolve));
});

/** The opcodes of the frames the server has sent. */
const opcodes = (bytes: Buffer) => serverFrames(bytes).map((f) => f.opcode);

/** One heartbeat round: ping everyone, and wait for `pongs` answers. */
async function round(expectedPongs: number) {
  vi.advanceTimersByTime(INTERVAL_MS);
  await expect.poll(() => pongs).toBe(expectedPongs);
}

test('a peer that never answers pings is cut off, with no close frame', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  const raw = await openRaw(url);
  await expect.poll(() => wss.clients.size).toBe(1);
  // First round: a ping. A raw socket answers nothing.
  vi.advanceTimersByTime(INTERVAL_MS);
  await expect.poll(() => opcodes(raw.received())).toEqual([0x9]);
  // Second round: no pong came back, so the peer is terminated.
  const ended = new Promise((resolve) => raw.socket.once('close', resolve));
  vi.advanceTimersByTime(INTERVAL_MS);
  await ended;
  expect(opcodes(raw.received())).toEqual([0x9]);
  expect(await raw.close).toBeUndefined();
  await expect.poll(() => wss.clients.size).toBe(0);
});

test('a peer that answers every ping with a pong stays connected', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  const raw = await openRaw(url);
  let answered = 0;
  raw.socket.on('data', () => {
    const pings = opcodes(raw.received()).filter((op) => op === 0x9);
    while (answered < pings.length) {
      raw.socket.write(clientFrame(0xa, ''));
      answered++;
    }
  });
  await expect.poll(() => wss.clients.size).toBe(1);
  for (let i = 1; i <= 5; i++) await round(i);
  expect(raw.socket.destroyed).toBe(false);
  expect(wss.clients.size).toBe(1);
  raw.socket.destroy();
});

test('ws answers pings by itself, as every browser does', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  const client = new WebSocket(url);
  await new Promise((resolve) => client.once('open', resolve));
  await expect.poll(() => wss.clients.size).toBe(1);
  for (let i = 1; i <= 5; i++) await round(i);
  expect(client.readyState).toBe(WebSocket.OPEN);
  client.close();
});

test('stopping the heartbeat stops the pings', async () => {
  startHeartbeat(wss, INTERVAL_MS)();
  const client = new WebSocket(url);
  let pings = 0;
  client.on('ping', () => pings++);
  await new Promise((resolve) => client.once('open', resolve));
  vi.advanceTimersByTime(INTERVAL_MS * 5);
  // A ping of our own: its pong comes after anything sent before it.
  const pong = new Promise((resolve) => client.once('pong', resolve));
  client.ping();
  await pong;
  expect(pings).toBe(0);
  client.close();
});

const withGo = needs(whyGoIsMissing());
withGo.test(
  "gorilla's read deadline and pong handler cut off the same silent peer",
  async () => {
    vi.useRealTimers();
    // Go keeps its own time: a second between pings leaves a busy
    // test machine room to answer each one.
    const go = await startGo(buildGo('heartbeat.go'), ['-addr', '127.0.0.1:0', '-ping', '1s']);
    try {
      const goUrl = `ws://${go.address}/ws/echo`;
      const silent = await openRaw(goUrl);
      await new Promise((resolve) => silent.socket.once('close', resolve));
      const frames = opcodes(silent.received());
      expect(frames.length).toBeGreaterThanOrEqual(1);
      expect(frames.every((op) => op === 0x9)).toBe(true);
      expect(await silent.close).toBeUndefined();

      const client = new WebSocket(goUrl);
      let pings = 0;
      client.on('ping', () => pings++);
      await expect.poll(() => pings, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(client.readyState).toBe(WebSocket.OPEN);
      client.close();
    } finally {
      go.stop();
    }
  },
  60_000,
);
