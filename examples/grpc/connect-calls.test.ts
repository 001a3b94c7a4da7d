// The "three protocols" cell of docs/rpc/grpc.mdx, run in Node against
// an in-process playground: the same connect-web client, on Node's
// own fetch.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run as connectCalls } from './connect-calls.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('Multiply in Connect JSON, Connect binary and gRPC-Web, with their bytes', async () => {
  const result = await runInNode(connectCalls, server.url);
  expect(result.ok).toBe(true);
  expect(result.text).toEqual([
    'info Connect, JSON:',
    'sent {"a":7,"b":8}',
    'received {"value":56}',
    'info 7 × 8 = 56',
    'info Connect, binary:',
    'sent 4 bytes: 08 07 10 08',
    'received 2 bytes: 08 38',
    'info 7 × 8 = 56',
    'info gRPC-Web:',
    // The 5-byte prefix: flags 00, then the length, 4, in 4 bytes.
    'sent 9 bytes: 00 00 00 00 04 08 07 10 08',
    // The message, then a trailer frame (flags 80, 16 bytes long):
    // "grpc-status: 0\r\n", the status a browser cannot read from
    // real HTTP trailers.
    'received 28 bytes: 00 00 00 00 02 08 38 80 00 00 00 10 ' +
      '67 72 70 63 2d 73 74 61 74 75 73 3a 20 30 0d 0a',
    'info 7 × 8 = 56',
  ]);
});
