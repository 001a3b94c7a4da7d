import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { sendBounded, TOO_SLOW } from './send-queue.ts';

const http = createServer();
const wss = new WebSocketServer({ server: http });
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const ws of wss.clients) ws.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => http.close(resolve));
});

/** The server side of the next connection. */
const nextConnection = () => new Promise<WebSocket>((resolve) => wss.once('connection', resolve));

test('a reader that keeps up gets everything', async () => {
  const serverSide = nextConnection();
  const client = new WebSocket(url);
  const got: string[] = [];
  client.on('message', (data) => got.push(String(data)));
  const ws = await serverSide;
  const sent = Array.from({ length: 100 }, (_, i) => sendBounded(ws, `m${i}`, 1024));
  expect(sent.every(Boolean)).toBe(true);
  await expect.poll(() => got.length).toBe(100);
  expect(got.at(-1)).toBe('m99');
  client.close();
});

test('a reader that stops reading is closed with 1013 once its queue is full', async () => {
  const serverSide = nextConnection();
  const raw = await openRaw(url);
  // The client stops reading: the kernel's buffers fill first, then
  // the bytes start to wait in the server's own queue.
  raw.socket.pause();
  const ws = await serverSide;
  const chunk = 'x'.repeat(64 * 1024);
  const limit = 256 * 1024;
  let sent = 0;
  while (sendBounded(ws, chunk, limit)) {
    sent++;
    await nextTurn();
  }
  expect(ws.readyState).toBe(ws.CLOSING);
  // What was queued never exceeded the limit, and sending stopped.
  expect(ws.bufferedAmount).toBeLessThanOrEqual(limit + 64);
  expect(sendBounded(ws, chunk, limit)).toBe(false);
  // When the reader drains at last, the close frame is behind the data.
  raw.socket.resume();
  expect(await raw.close).toEqual({ code: TOO_SLOW, reason: 'too slow: send queue full' });
  expect(raw.received().length).toBeGreaterThan(sent * chunk.length);
});

const withGo = needs(whyGoIsMissing());
withGo.test(
  "gorilla's bounded channel per client: broadcast to all, drop the one that stops reading",
  async () => {
    const go = await startGo(buildGo('broadcast.go'), ['-addr', '127.0.0.1:0']);
    const goUrl = `ws://${go.address}/ws/broadcast`;
    try {
      const stalled = await openRaw(goUrl);
      stalled.socket.pause();
      const talker = new WebSocket(goUrl);
      const listener = new WebSocket(goUrl);
      let heard = 0;
      listener.on('message', () => heard++);
      await Promise.all(
        [talker, listener].map((ws) => new Promise((resolve) => ws.once('open', resolve))),
      );
      // One message at a time, each heard before the next: a reader
      // that keeps up is never dropped.
      const chunk = 'x'.repeat(32 * 1024);
      for (let i = 1; i <= 400; i++) {
        talker.send(chunk);
        await expect.poll(() => heard, { interval: 1, timeout: 10_000 }).toBe(i);
      }
      // The one who stopped reading was dropped with 1013,
      // which it sees once it reads again, after what was queued.
      stalled.socket.resume();
      expect(await stalled.close).toEqual({ code: 1013, reason: 'too slow: send queue full' });
      talker.close();
      listener.close();
    } finally {
      go.stop();
    }
  },
  60_000,
);
