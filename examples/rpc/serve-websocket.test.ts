import { decode, encode } from '@msgpack/msgpack';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { clientFrame, openRaw } from '../../tests/support/raw-websocket.ts';
import { overWebSocket } from './client-transports.ts';

let server: RunningServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer({ rpcMaxBodyBytes: 1024, rpcMaxInFlight: 2 });
  url = `${server.url.replace('http', 'ws')}/ws/rpc`;
});
afterAll(() => server.close());

/** A ws connection that collects every message it gets. */
async function open() {
  const ws = new WebSocket(url);
  const messages: { data: Buffer; isBinary: boolean }[] = [];
  ws.on('message', (data, isBinary) => messages.push({ data: data as Buffer, isBinary }));
  await new Promise((resolve) => ws.once('open', resolve));
  const texts = () => messages.filter((m) => !m.isBinary).map((m) => JSON.parse(String(m.data)));
  return { ws, messages, texts };
}

test('subscribe answers first, then the server pushes its ticks', async () => {
  const { ws, texts } = await open();
  ws.send(
    JSON.stringify({
      jsonrpc: '2.0',
      method: 'Clock.subscribe',
      params: { every: 20, count: 3 },
      id: 1,
    }),
  );
  await expect.poll(texts).toHaveLength(4);
  expect(texts()).toEqual([
    { jsonrpc: '2.0', result: { subscribed: 'tick', count: 3, every: 20 }, id: 1 },
    { jsonrpc: '2.0', method: 'tick', params: { n: 1, of: 3 } },
    { jsonrpc: '2.0', method: 'tick', params: { n: 2, of: 3 } },
    { jsonrpc: '2.0', method: 'tick', params: { n: 3, of: 3 } },
  ]);
  ws.close();
});

test('a binary frame is read as MessagePack and answered in kind', async () => {
  const { ws, messages } = await open();
  ws.send(encode({ jsonrpc: '2.0', method: 'Arith.Multiply', params: [6, 7], id: 'm' }));
  await expect.poll(() => messages.length).toBe(1);
  expect(messages[0]!.isBinary).toBe(true);
  expect(decode(messages[0]!.data)).toEqual({ jsonrpc: '2.0', result: 42, id: 'm' });
  ws.close();
});

test('replies come back as calls finish, not in the order sent', async () => {
  const { client, close } = await overWebSocket(globalThis.WebSocket, url);
  const order: string[] = [];
  await Promise.all([
    client.call('Clock.sleep', { ms: 150 }).then(() => order.push('slow')),
    client.call('get_data').then(() => order.push('fast')),
  ]);
  expect(order).toEqual(['fast', 'slow']);
  expect(await close()).toBe(1000);
});

test('more calls in flight than allowed: the extra one gets -32001 at once', async () => {
  const { ws, texts } = await open();
  const sleep = (id: number) =>
    JSON.stringify({ jsonrpc: '2.0', method: 'Clock.sleep', params: { ms: 300 }, id });
  for (const m of [sleep(1), sleep(2), sleep(3)]) ws.send(m);
  await expect.poll(texts).toHaveLength(1);
  expect(texts()[0]).toEqual({
    jsonrpc: '2.0',
    error: { code: -32001, message: 'Too many calls in flight', data: 'at most 2 calls at once' },
    id: 3,
  });
  await expect.poll(texts).toHaveLength(3);
  ws.close();
});

test('a fifth subscription on one connection is refused', async () => {
  const { client, close } = await overWebSocket(globalThis.WebSocket, url);
  for (let i = 0; i < 4; i++) await client.call('Clock.subscribe', { every: 1_000, count: 5 });
  await expect(client.call('Clock.subscribe', { every: 1_000, count: 5 })).rejects.toMatchObject({
    code: -32001,
    data: 'at most 4 subscriptions',
  });
  await close();
});

test('bad JSON gets -32700 and the connection stays open', async () => {
  const { ws, texts } = await open();
  ws.send('{"jsonrpc": "2.0", "method"');
  ws.send('{"jsonrpc": "2.0", "method": "sum", "params": [2, 2], "id": 1}');
  await expect.poll(texts).toHaveLength(2);
  expect(texts()[0]).toMatchObject({ error: { code: -32700, message: 'Parse error' }, id: null });
  expect(texts()[1]).toEqual({ jsonrpc: '2.0', result: 4, id: 1 });
  ws.close();
});

test('a message over the limit closes with 1009; other clients go on', async () => {
  const { client, close } = await overWebSocket(globalThis.WebSocket, url);
  const raw = await openRaw(url);
  raw.socket.write(clientFrame(0x1, 'x'.repeat(1025)));
  expect(await raw.close).toMatchObject({ code: 1009 });
  expect(await client.call('sum', [1, 2])).toBe(3);
  await close();
});

test('a text message that is not UTF-8 closes with 1007, before JSON-RPC reads it', async () => {
  // RFC 6455, 8.1: the endpoint must fail the connection; ws does, so
  // the adapter reads text messages without a second check.
  const raw = await openRaw(url);
  raw.socket.write(clientFrame(0x1, Buffer.from([0x22, 0xff, 0x22])));
  expect(await raw.close).toMatchObject({ code: 1007 });
});

test('closing the connection fails the calls still waiting', async () => {
  const { client, close } = await overWebSocket(globalThis.WebSocket, url);
  const waiting = client.call('Clock.sleep', { ms: 1_000 });
  await close();
  await expect(waiting).rejects.toThrow('connection closed with 1000');
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
