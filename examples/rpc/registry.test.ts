import { expect, test } from 'vitest';
import { registerArith } from './arith.ts';
import { RpcError } from './errors.ts';
import { integer, list, named, none, number, range, string } from './params.ts';
import { type CallContext, Registry } from './registry.ts';

const context: CallContext = { signal: new AbortController().signal };
const arith = registerArith(new Registry());

/** What a call throws, as the error object a response would carry. */
async function failure(registry: Registry, method: string, params?: unknown) {
  try {
    await registry.call(method, params as never, context);
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    return (error as RpcError).toJSON();
  }
  throw new Error(`${method} did not fail`);
}

test('listed methods are callable as Service.Method, by name or position', async () => {
  expect(await arith.call('Arith.Multiply', { A: 7, B: 8 }, context)).toBe(56);
  expect(await arith.call('Arith.Multiply', [7, 8], context)).toBe(56);
  expect(await arith.call('Arith.Divide', { A: 17, B: 5 }, context)).toEqual({ Quo: 3, Rem: 2 });
  expect(arith.methods()).toEqual([
    { name: 'Arith.Multiply', params: '{A, B} or [A, B]' },
    { name: 'Arith.Divide', params: '{A, B} or [A, B]' },
  ]);
});

test('Divide truncates toward zero like Go, and refuses zero', async () => {
  expect(await arith.call('Arith.Divide', { A: -7, B: 2 }, context)).toEqual({ Quo: -3, Rem: -1 });
  expect(await arith.call('Arith.Divide', { A: 7, B: -2 }, context)).toEqual({ Quo: -3, Rem: 1 });
  expect(await failure(arith, 'Arith.Divide', { A: 1, B: 0 })).toEqual({
    code: 1,
    message: 'divide by zero',
  });
  expect(await failure(arith, 'Arith.Multiply', { A: 2 ** 40, B: 2 ** 20 })).toEqual({
    code: 2,
    message: 'result out of range',
  });
});

test.each([
  ['a public method that is not listed', 'Arith.describe'],
  ['the constructor', 'Arith.constructor'],
  ['an inherited method', 'Arith.toString'],
  ['a prototype', 'Arith.__proto__'],
  ['no service name', 'Multiply'],
  ['a lower-case service', 'arith.Multiply'],
])('%s is not callable', async (_, method) => {
  expect(await failure(arith, method, { A: 1, B: 2 })).toEqual({
    code: -32601,
    message: 'Method not found',
    data: `no method named "${method}"`,
  });
});

test.each([
  [{ A: '7', B: 8 }, 'A must be an integer, not "7"'],
  [{ A: 7.5, B: 8 }, 'A must be an integer, not 7.5'],
  [{ A: 7 }, 'missing param "B"'],
  [{ A: 7, B: 8, C: 9 }, 'unknown param "C"'],
  [[7], 'expected 2 params ({A, B} or [A, B]), got 1'],
  [[7, 8, 9], 'expected 2 params ({A, B} or [A, B]), got 3'],
  [undefined, 'params must be {A, B} or [A, B]'],
  [{ A: 2 ** 53, B: 1 }, 'A must be an integer, not 9007199254740992'],
])('params %j are refused before the method runs: %s', async (params, why) => {
  expect(await failure(arith, 'Arith.Multiply', params)).toEqual({
    code: -32602,
    message: 'Invalid params',
    data: why,
  });
});

test('the other validators say what they want', async () => {
  let ran = false;
  const service = {
    take: () => (ran = true),
    none: () => 'ok',
  };
  const registry = new Registry().register('S', service, {
    take: named({ n: number, s: string, r: range(1, 3), xs: list(integer, 2) as never }),
    none,
  });
  expect((await failure(registry, 'S.take', { n: Infinity, s: '', r: 1, xs: [] })).data).toBe(
    'n must be a number, not Infinity',
  );
  expect((await failure(registry, 'S.take', { n: 1, s: 5, r: 1, xs: [] })).data).toBe(
    's must be a string of up to 200 characters',
  );
  expect((await failure(registry, 'S.take', { n: 1, s: '', r: 4, xs: [] })).data).toBe(
    'r must be from 1 to 3, not 4',
  );
  expect((await failure(registry, 'S.none', [1])).data).toBe('this method takes no params');
  expect(await registry.call('S.none', {}, context)).toBe('ok');
  expect(ran).toBe(false);
});

test('a long unknown name is cut short in the error', async () => {
  const name = 'x'.repeat(10_000);
  expect((await failure(arith, name)).data).toBe(`no method named "${'x'.repeat(60)}…"`);
});

test('registering what is not a method, or a reserved name, fails at once', () => {
  const service = { value: 3, method: () => 1 };
  expect(() => new Registry().register('S', service, { value: none as never })).toThrow(
    'S.value is not a method',
  );
  expect(() => new Registry().register('rpc', service, { method: none })).toThrow(
    'rpc.method is reserved or taken',
  );
  expect(() => registerArith(registerArith(new Registry()))).toThrow(
    'Arith.Multiply is reserved or taken',
  );
});

test('a long bad value is quoted briefly', async () => {
  expect((await failure(arith, 'Arith.Multiply', { A: 'y'.repeat(500), B: 1 })).data).toBe(
    `A must be an integer, not "${'y'.repeat(39)}…`,
  );
});
