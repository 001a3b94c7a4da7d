import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import {
  clientFrame,
  openRaw,
  serverFrames,
} from '../../tests/support/raw-websocket.ts';
import { startHeartbeat } from './heartbeat.ts';

// A short interval keeps the test quick; the playground uses
// WS_HEARTBEAT_MS, 30 s by default.
const INTERVAL_MS = 150;

const http = createServer();
const wss = new WebSocketServer({ server: http });
let url: string;
let stop: () => void;

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(() => {
  stop();
  for (const ws of wss.clients) ws.terminate();
});
afterAll(async () => {
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => http.close(resolve));
});

/** The opcodes of the frames the server has sent on `raw`. */
const opcodes = (bytes: Buffer) => serverFrames(bytes).map((f) => f.opcode);

test('a peer that never answers pings is cut off, with no close frame', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  const raw = await openRaw(url);
  // A raw socket answers nothing: the first ping goes unanswered.
  const ended = new Promise((resolve) => raw.socket.once('close', resolve));
  await ended;
  // It was pinged (0x9) and then terminated: no close (0x8) came.
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
  // Three pings in a row, each answered, and still open.
  await expect.poll(() => answered, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  expect(raw.socket.destroyed).toBe(false);
  expect(wss.clients.size).toBe(1);
  raw.socket.destroy();
});

test('ws answers pings by itself, as every browser does', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  const client = new WebSocket(url);
  let pings = 0;
  client.on('ping', () => pings++);
  await expect.poll(() => pings, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  expect(client.readyState).toBe(WebSocket.OPEN);
  client.close();
});

test('stopping the heartbeat stops the pings', async () => {
  stop = startHeartbeat(wss, INTERVAL_MS);
  stop();
  const client = new WebSocket(url);
  let pings = 0;
  client.on('ping', () => pings++);
  await new Promise((resolve) => client.once('open', resolve));
  // Several intervals later, still no ping has come.
  await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 5));
  expect(pings).toBe(0);
  client.close();
});

const noGo = whyGoIsMissing();
test.skipIf(noGo)(
  `gorilla's read deadline and pong handler cut off the same silent peer${noGo ? ` (skipped: ${noGo})` : ''}`,
  async () => {
    stop = () => {};
    const go = await startGo(buildGo('heartbeat.go'), [
      '-addr', '127.0.0.1:0', '-ping', `${INTERVAL_MS}ms`,
    ]);
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
