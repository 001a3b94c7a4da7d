// The demos the RPC pages run in their cells, against the playground.

import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run as arithCalls } from './arith-calls.ts';
import { run as clientTour } from './client-tour.ts';
import { run as codecSizes } from './codec-sizes.ts';
import { run as firstCall } from './first-call.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('arith-calls: the calls Go documents, then one for each refusal', async () => {
  const result = await runInNode(arithCalls, server.url);
  expect(result.text).toEqual([
    'info Arith.Multiply {"A":7,"B":8} → 56',
    'info Arith.Divide {"A":17,"B":5} → {"Quo":3,"Rem":2}',
    'info Arith.Divide [17,5] → {"Quo":3,"Rem":2}',
    'info Arith.Divide {"A":1,"B":0} ✗ 1 divide by zero',
    'info Arith.describe [] ✗ -32601 Method not found: no method named "Arith.describe"',
    'info Arith.Multiply {"A":"7","B":8} ✗ -32602 Invalid params: A must be an integer, not "7"',
    'info Arith.Multiply {"A":7} ✗ -32602 Invalid params: missing param "B"',
    'info Arith.Multiply {"A":7,"B":8,"C":9} ✗ -32602 Invalid params: unknown param "C"',
  ]);
});

test('codec-sizes: a table of sizes, then a call in MessagePack bytes', async () => {
  const result = await runInNode(codecSizes, server.url);
  expect(result.lines[0]).toMatchObject({ direction: 'view', view: 'table' });
  expect(result.text).toEqual([
    'view table ' +
      JSON.stringify([
        { message: 'a call', 'JSON bytes': 73, 'MessagePack bytes': 53, saved: '27%' },
        { message: 'its reply', 'JSON bytes': 36, 'MessagePack bytes': 25, saved: '31%' },
        { message: 'an error', 'JSON bytes': 70, 'MessagePack bytes': 53, saved: '24%' },
        { message: 'a batch of 3', 'JSON bytes': 199, 'MessagePack bytes': 136, saved: '32%' },
        // Every float is 9 bytes in MessagePack; "0.1" is 3 in JSON.
        { message: 'floats', 'JSON bytes': 50, 'MessagePack bytes': 52, saved: '-4%' },
      ]),
    'sent 53 bytes: 84 a7 6a 73 6f 6e 72 70 63 a3 32 2e 30 a6 6d 65 74 68 6f 64 ' +
      'ae 41 72 69 74 68 2e 4d 75 6c 74 69 70 6c 79 a6 70 61 72 61 6d 73 82 a1 41 07 ' +
      'a1 42 08 a2 69 64 01',
    'received 25 bytes: 83 a7 6a 73 6f 6e 72 70 63 a3 32 2e 30 a6 72 65 73 75 6c 74 ' +
      '38 a2 69 64 01',
    'info 7 × 8 = 56',
  ]);
});

test('client-tour: concurrency, a batch, a timeout and a cancel', async () => {
  const result = await runInNode(clientTour, server.url);
  expect(result.text).toEqual([
    'info concurrent: [{"slept":200},19,7]',
    'info batch: 56',
    'info batch: divide by zero',
    'info batch: ["hello",5]',
    'info timeout: TimeoutError no reply within 300 ms',
    'info cancelled: AbortError not needed',
    'info closed with code 1000',
  ]);
});

test('first-call: one request line out, one response line back', async () => {
  const result = await runInNode(firstCall, server.url);
  const port = (await (await fetch(`${server.url}/healthz`)).json()).rpc.tcpPort;
  expect(result.text).toEqual([
    `info connecting to 127.0.0.1 port ${port}`,
    'sent {"jsonrpc":"2.0","method":"Arith.Multiply","params":{"A":7,"B":8},"id":1}',
    'received {"jsonrpc":"2.0","result":56,"id":1}',
    'info 74 bytes out, 37 back, each ending in \\n',
  ]);
});
