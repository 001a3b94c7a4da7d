import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RpcError, rpcError } from './errors.ts';
import { isResponse } from './messages.ts';
import { none } from './params.ts';
import { Registry } from './registry.ts';
import { JsonRpcServer } from './server.ts';
import { createRegistry } from './services.ts';

const server = new JsonRpcServer(createRegistry(), { maxBatch: 10, timeLimitMs: 50 });
const request = (id: unknown, method = 'get_data') => ({ jsonrpc: '2.0', method, id });

describe('ids', () => {
  test.each([
    ['a string', 'abc'],
    ['an empty string', ''],
    ['an integer', 7],
    ['a negative number', -1],
    ['a fraction (allowed, though discouraged)', 1.5],
    ['null (allowed, though discouraged)', null],
  ])('%s is echoed back', async (_, id) => {
    expect(await server.receive(request(id))).toEqual({ jsonrpc: '2.0', result: ['hello', 5], id });
  });

  test.each([
    ['an object', {}],
    ['an array', [1]],
    ['a boolean', true],
  ])('%s is an invalid request, answered with id null', async (_, id) => {
    expect(await server.receive(request(id))).toEqual({
      jsonrpc: '2.0',
      error: {
        code: -32600,
        message: 'Invalid Request',
        data: 'id must be a string, a number or null',
      },
      id: null,
    });
  });
});

describe('invalid requests say what is wrong', () => {
  test.each([
    [{ method: 'get_data', id: 1 }, 'jsonrpc must be "2.0"', 1],
    [{ jsonrpc: '1.0', method: 'get_data', id: 1 }, 'jsonrpc must be "2.0"', 1],
    [{ jsonrpc: '2.0', id: 1 }, 'method must be a string', 1],
    [
      { jsonrpc: '2.0', method: 'sum', params: 3, id: 1 },
      'params must be an array or an object',
      1,
    ],
    [
      { jsonrpc: '2.0', method: 'sum', params: null, id: 1 },
      'params must be an array or an object',
      1,
    ],
    ['get_data', 'a request must be an object', null],
    [null, 'a request must be an object', null],
  ])('%j: %s', async (message, why, id) => {
    expect(await server.receive(message)).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Invalid Request', data: why },
      id,
    });
  });
});

test('a notification gets nothing back, even when it fails', async () => {
  expect(await server.receive({ jsonrpc: '2.0', method: 'update', params: [1] })).toBeNull();
  expect(await server.receive({ jsonrpc: '2.0', method: 'nope' })).toBeNull();
  expect(await server.receive({ jsonrpc: '2.0', method: 'subtract', params: ['x', 1] })).toBeNull();
});

test('a batch answers in request order and leaves notifications out', async () => {
  const answer = await server.receive([
    { jsonrpc: '2.0', method: 'Clock.sleep', params: { ms: 20 }, id: 'slow' },
    { jsonrpc: '2.0', method: 'notify_hello', params: [1] },
    { jsonrpc: '2.0', method: 'sum', params: [1, 2], id: 'fast' },
  ]);
  expect(answer).toEqual([
    { jsonrpc: '2.0', result: { slept: 20 }, id: 'slow' },
    { jsonrpc: '2.0', result: 3, id: 'fast' },
  ]);
});

test('a call that never ends is cut off at the time limit', async () => {
  const registry = new Registry().register(
    '',
    { hang: () => new Promise(() => {}) },
    { hang: none },
  );
  const strict = new JsonRpcServer(registry, { maxBatch: 1, timeLimitMs: 30 });
  expect(await strict.receive(request(1, 'hang'))).toEqual({
    jsonrpc: '2.0',
    error: { code: -32000, message: 'Time limit exceeded', data: 'no answer within 30 ms' },
    id: 1,
  });
});

test('each call gets its whole time limit, however many run', async () => {
  const registry = new Registry().register(
    '',
    { hang: () => new Promise(() => {}) },
    { hang: none },
  );
  const strict = new JsonRpcServer(registry, { maxBatch: 1, timeLimitMs: 60 });
  const timed = async (id: number) => {
    const started = performance.now();
    const reply = await strict.receive(request(id, 'hang'));
    return { reply, ms: performance.now() - started };
  };
  const first = timed(1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const second = await timed(2);
  expect((await first).reply).toMatchObject({ error: { code: -32000 }, id: 1 });
  expect(second.reply).toMatchObject({ error: { code: -32000 }, id: 2 });
  // Not cut off when the first call's time ran out.
  expect(second.ms).toBeGreaterThanOrEqual(59);
});

test("a caller leaving cuts short its own calls, not others'", async () => {
  const quiet = new JsonRpcServer(createRegistry(), { maxBatch: 1, timeLimitMs: 1_000 });
  const sleep = { jsonrpc: '2.0', method: 'Clock.sleep', params: { ms: 50 }, id: 1 };
  const gone = new AbortController();
  const staying = new AbortController();
  const abandoned = quiet.receive(sleep, { signal: gone.signal });
  const kept = quiet.receive(sleep, { signal: staying.signal });
  gone.abort();
  expect(await abandoned).toMatchObject({ error: { data: 'the caller went away' } });
  expect(await kept).toEqual({ jsonrpc: '2.0', result: { slept: 50 }, id: 1 });
});

test('a call abandoned by its caller ends without a log entry', async () => {
  const logged: unknown[] = [];
  const quiet = new JsonRpcServer(createRegistry(), {
    maxBatch: 1,
    timeLimitMs: 1_000,
    onInternalError: (error) => logged.push(error),
  });
  const gone = new AbortController();
  const pending = quiet.receive(
    { jsonrpc: '2.0', method: 'Clock.sleep', params: { ms: 1_000 }, id: 1 },
    { signal: gone.signal },
  );
  gone.abort();
  expect(await pending).toMatchObject({ error: { code: -32603, data: 'the caller went away' } });
  expect(logged).toEqual([]);
});

test('a bug is logged on the server and reported without detail', async () => {
  const logged: string[] = [];
  const registry = new Registry().register(
    '',
    {
      bug: () => {
        throw new Error('at /srv/secret.ts:1');
      },
      typed: () => {
        throw rpcError('DIVIDE_BY_ZERO');
      },
    },
    { bug: none, typed: none },
  );
  const logging = new JsonRpcServer(registry, {
    maxBatch: 1,
    timeLimitMs: 1_000,
    onInternalError: (error, method) => logged.push(`${method}: ${(error as Error).message}`),
  });
  const reply = await logging.receive(request(1, 'bug'));
  expect(reply).toEqual({
    jsonrpc: '2.0',
    error: { code: -32603, message: 'Internal error', data: 'bug failed; see the log' },
    id: 1,
  });
  expect(JSON.stringify(reply)).not.toMatch(/secret|at \//);
  expect(logged).toEqual(['bug: at /srv/secret.ts:1']);
  expect(await logging.receive(request(2, 'typed'))).toMatchObject({ error: { code: 1 } });
});

test('refuse answers every request of a message with one error', () => {
  const busy = rpcError('TOO_BUSY', 'at most 1 call at once');
  expect(server.refuse([request(1), { jsonrpc: '2.0', method: 'x' }, 5], busy)).toEqual([
    { jsonrpc: '2.0', error: busy.toJSON(), id: 1 },
    { jsonrpc: '2.0', error: busy.toJSON(), id: null },
  ]);
  expect(server.refuse({ jsonrpc: '2.0', method: 'x' }, busy)).toBeNull();
  expect(busy).toBeInstanceOf(RpcError);
});

// #region property
/** Messages that look more or less like requests, and plain junk. */
const requestLike = fc.record(
  {
    jsonrpc: fc.constantFrom('2.0', '1.0', 2),
    method: fc.oneof(
      fc.constantFrom(
        ...createRegistry()
          .methods()
          .map((m) => m.name),
      ),
      fc.string(),
      fc.jsonValue(),
    ),
    params: fc.jsonValue(),
    id: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const message = fc.oneof(
  fc.jsonValue(),
  requestLike,
  fc.array(fc.oneof(requestLike, fc.jsonValue()), { maxLength: 12 }),
);

test('any JSON value gets valid responses, or nothing', async () => {
  await fc.assert(
    fc.asyncProperty(message, async (value) => {
      const answer = await server.receive(value);
      if (answer === null) return;
      // What a client gets: the answer as JSON, parsed again.
      const sent: unknown = JSON.parse(JSON.stringify(answer));
      const responses = Array.isArray(sent) ? sent : [sent];
      expect(responses.length).toBeGreaterThan(0);
      for (const response of responses) {
        expect(isResponse(response), JSON.stringify(response)).toBe(true);
      }
    }),
    { numRuns: 500 },
  );
});
// #endregion property
