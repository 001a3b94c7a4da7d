// The "errors, deadlines and metadata" cell of docs/rpc/grpc.mdx, run
// in Node against an in-process playground.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './connect-errors.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('errors are gRPC codes; deadlines and metadata travel as headers', async () => {
  const result = await runInNode(run, server.url);
  expect(result.ok).toBe(true);
  expect(result.text).toEqual([
    'info Divide 1 / 0 ✗ invalid_argument: divide by zero',
    'info Multiply 2³⁰ × 4 ✗ out_of_range: 1073741824 × 4 overflows int32',
    'info Sleep 1000 ms, deadline 200 ms ✗ deadline_exceeded: the operation timed out',
    'info x-request-id came back: page-42',
    'info tick 1 of 3',
    'info tick 2 of 3',
    'info tick 3 of 3',
    'info trailer x-ticks-sent: 3',
  ]);
});
