import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { closed, nextMessage, opened } from './socket-events.ts';

let server: RunningServer;
let ws: string;
beforeAll(async () => {
  server = await startTestServer();
  ws = server.url.replace('http', 'ws');
});
afterAll(() => server.close());

test('opened, nextMessage and closed follow one socket step by step', async () => {
  const socket = await opened(new WebSocket(`${ws}/ws/echo`), new AbortController().signal);
  socket.send('one');
  expect(await nextMessage(socket)).toBe('one');
  socket.close(1000, 'done');
  const event = await closed(socket);
  expect([event.code, event.reason]).toEqual([1000, 'done']);
});

test('opened rejects when the handshake is refused', async () => {
  const refused = opened(new WebSocket(`${ws}/ws/nowhere`), new AbortController().signal);
  await expect(refused).rejects.toThrow('closed with 1006 before it opened');
});

test('an abort closes the socket it waits on', async () => {
  const stop = new AbortController();
  const socket = new WebSocket(`${ws}/ws/echo`);
  const open = opened(socket, stop.signal);
  stop.abort();
  await expect(open).rejects.toThrow(/^closed with \d+ before it opened$/);
});

test('nextMessage rejects when the socket closes first', async () => {
  const socket = await opened(new WebSocket(`${ws}/ws/echo`), new AbortController().signal);
  const next = nextMessage(socket);
  socket.close(1000);
  await expect(next).rejects.toThrow('closed with 1000');
});
