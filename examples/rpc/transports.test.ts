import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run as overHttp } from './http-calls.ts';
import { run as overTcp } from './tcp-calls.ts';
import { run as overWebSocket } from './websocket-calls.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sent = [
  'sent {"jsonrpc":"2.0","method":"Clock.sleep","params":{"ms":300},"id":1}',
  'sent {"jsonrpc":"2.0","method":"Clock.sleep","params":{"ms":100},"id":2}',
  'sent {"jsonrpc":"2.0","method":"Arith.Multiply","params":{"A":6,"B":7},"id":3}',
];
/** Replies in the order the calls finish: the fastest first. */
const answered = [
  'received {"jsonrpc":"2.0","result":42,"id":3}',
  'info call 3 answered: 42',
  'received {"jsonrpc":"2.0","result":{"slept":100},"id":2}',
  'info call 2 answered: {"slept":100}',
  'received {"jsonrpc":"2.0","result":{"slept":300},"id":1}',
  'info call 1 answered: {"slept":300}',
];
const ticks = [
  'sent {"jsonrpc":"2.0","method":"Clock.subscribe","params":{"every":100,"count":3},"id":4}',
  'received {"jsonrpc":"2.0","result":{"subscribed":"tick","count":3,"every":100},"id":4}',
  ...[1, 2, 3].flatMap((n) => [
    `received {"jsonrpc":"2.0","method":"tick","params":{"n":${n},"of":3}}`,
    `info pushed: tick {"n":${n},"of":3}`,
  ]),
];

test('over HTTP: a request per call, and no push', async () => {
  const result = await runInNode(overHttp, server.url);
  // Each call is its own request, on whichever connection the client
  // picks: the answers usually come fastest first, but need not.
  const answers = result.text.slice(sent.length, sent.length + answered.length);
  expect(answers.toSorted()).toEqual(answered.toSorted());
  expect(result.text.toSpliced(sent.length, answered.length)).toEqual([
    ...sent,
    'sent {"jsonrpc":"2.0","method":"Clock.subscribe","params":{"every":100,"count":3},"id":4}',
    'received {"jsonrpc":"2.0","error":{"code":-32002,"message":"This transport cannot push",' +
      '"data":"subscribe needs WebSocket or TCP"},"id":4}',
    'info subscribe failed: This transport cannot push: subscribe needs WebSocket or TCP',
  ]);
});

test('over WebSocket: one connection, replies out of order, and push', async () => {
  const result = await runInNode(overWebSocket, server.url);
  const url = `${server.url.replace('http', 'ws')}/ws/rpc`;
  expect(result.text).toEqual([
    `info connected to ${url}`,
    ...sent,
    ...answered,
    ...ticks,
    'info closed with code 1000',
  ]);
});

test('over TCP: the same, a line at a time', async () => {
  const result = await runInNode(overTcp, server.url);
  const { rpc } = await (await fetch(`${server.url}/healthz`)).json();
  expect(result.text).toEqual([
    `info connected to 127.0.0.1 port ${rpc.tcpPort}`,
    ...sent,
    ...answered,
    ...ticks,
    'info closed',
  ]);
});

test('Stop during the WebSocket tour closes the connection', async () => {
  const stop = new AbortController();
  const result = await runInNode(overWebSocket, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') stop.abort(new DOMException('by the reader', 'AbortError'));
    },
  });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
