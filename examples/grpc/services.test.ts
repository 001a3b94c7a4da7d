// Arith and Clock through an in-memory Connect transport: the
// services and the time limit, with no network.

import { Code, ConnectError, createClient, createRouterTransport } from '@connectrpc/connect';
import { expect, test } from 'vitest';
import { Arith, Clock } from './gen/arith_pb.ts';
import { routes } from './services.ts';
import { timeLimit } from './time-limit.ts';

const transport = createRouterTransport(routes, {
  router: { interceptors: [timeLimit(300)] },
});
const arith = createClient(Arith, transport);
const clock = createClient(Clock, transport);

/** The code of the error `call` rejects with. */
async function codeOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => ConnectError.from(e),
  );
  return error && [Code[error.code], error.rawMessage];
}

test('Multiply and Divide answer as Go does', async () => {
  expect(await arith.multiply({ a: 7, b: 8 })).toMatchObject({ value: 56 });
  expect(await arith.divide({ a: 17, b: 5 })).toMatchObject({ quo: 3, rem: 2 });
  // Truncated toward zero; the remainder takes the sign of a.
  expect(await arith.divide({ a: -17, b: 5 })).toMatchObject({ quo: -3, rem: -2 });
});

test('bad arguments get invalid_argument, overflow out_of_range', async () => {
  expect(await codeOf(arith.divide({ a: 1, b: 0 }))).toEqual(['InvalidArgument', 'divide by zero']);
  expect(await codeOf(arith.multiply({ a: 2 ** 30, b: 4 }))).toEqual([
    'OutOfRange',
    '1073741824 × 4 overflows int32',
  ]);
  expect(await codeOf(clock.sleep({ ms: -1 }))).toEqual([
    'InvalidArgument',
    'ms must be from 0 to 60000, not -1',
  ]);
});

test('a request id in the headers comes back in the response headers', async () => {
  let seen: string | null = null;
  await arith.multiply(
    { a: 7, b: 8 },
    { headers: { 'x-request-id': 'r-1' }, onHeader: (h) => (seen = h.get('x-request-id')) },
  );
  expect(seen).toBe('r-1');
});

test("Sleep past the caller's deadline or the server's limit: deadline_exceeded", async () => {
  expect(await clock.sleep({ ms: 10 })).toMatchObject({ slept: 10 });
  expect(await codeOf(clock.sleep({ ms: 1_000 }, { timeoutMs: 50 }))).toEqual([
    'DeadlineExceeded',
    'the operation timed out',
  ]);
  expect(await codeOf(clock.sleep({ ms: 1_000 }))).toEqual([
    'DeadlineExceeded',
    'time limit of 300 ms reached',
  ]);
});

test('Ticks streams count ticks, then a trailer; the limit spares streams', async () => {
  let trailer: string | null = null;
  const ticks = [];
  for await (const tick of clock.ticks(
    { every: 100, count: 4 },
    { onTrailer: (t) => (trailer = t.get('x-ticks-sent')) },
  )) {
    ticks.push([tick.n, tick.of]);
  }
  // 400 ms in all: longer than the 300 ms limit on unary calls.
  expect(ticks).toEqual([
    [1, 4],
    [2, 4],
    [3, 4],
    [4, 4],
  ]);
  expect(trailer).toBe('4');
});

test('a stream the caller cancels ends at once', async () => {
  const stop = new AbortController();
  const seen: number[] = [];
  const done = (async () => {
    for await (const tick of clock.ticks({ every: 20, count: 100 }, { signal: stop.signal })) {
      seen.push(tick.n);
      if (tick.n === 2) stop.abort();
    }
  })();
  expect(await codeOf(done)).toEqual(['Canceled', 'This operation was aborted']);
  expect(seen).toEqual([1, 2]);
});
