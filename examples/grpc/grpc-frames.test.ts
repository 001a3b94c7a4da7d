// The raw gRPC cell: frames and trailers as node:http2 sees them.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { frame, run } from './grpc-frames.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('frame: flag, big-endian length, message', () => {
  expect(frame(Uint8Array.of(1, 2, 3))).toEqual(Uint8Array.of(0, 0, 0, 0, 3, 1, 2, 3));
  expect(frame(new Uint8Array(300)).subarray(0, 5)).toEqual(Uint8Array.of(0, 0, 0, 1, 0x2c));
});

test('each status arrives in trailers, or alone in the headers', async () => {
  const result = await runInNode(run, server.url);
  expect(result.ok).toBe(true);
  expect(result.text).toEqual([
    'info Multiply: POST /wirebook.arith.v1.Arith/Multiply',
    'sent 9 bytes: 00 00 00 00 04 08 07 10 08',
    'info headers: :status: 200, content-type: application/grpc+proto',
    'received 7 bytes: 00 00 00 00 02 08 38',
    'info trailers: grpc-status: 0',
    'info Divide by 0: POST /wirebook.arith.v1.Arith/Divide',
    'sent 7 bytes: 00 00 00 00 02 08 01',
    'info headers: :status: 200, content-type: application/grpc+proto',
    // An error is still HTTP 200: the status is gRPC's, in the trailers.
    'info trailers: grpc-status: 3, grpc-message: divide%20by%20zero',
    'info Power: POST /wirebook.arith.v1.Arith/Power',
    'sent 9 bytes: 00 00 00 00 04 08 07 10 08',
    // Trailers-only: the status in the one HEADERS frame, no body.
    'info headers: :status: 200, content-type: application/grpc, grpc-status: 12, ' +
      'grpc-message: no%20method%20at%20%2Fwirebook.arith.v1.Arith%2FPower',
    'info Sleep: POST /wirebook.arith.v1.Clock/Sleep, grpc-timeout: 100m',
    'sent 8 bytes: 00 00 00 00 03 08 e8 07',
    'info headers: :status: 200, content-type: application/grpc+proto',
    'info trailers: grpc-status: 4, grpc-message: the%20operation%20timed%20out',
  ]);
});
