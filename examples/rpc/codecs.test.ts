import { encode } from '@msgpack/msgpack';
import { expect, test } from 'vitest';
import { answer, json, msgpack } from './codecs.ts';
import { RpcError } from './errors.ts';
import { createRpcServer } from './services.ts';

const call = { jsonrpc: '2.0', method: 'Arith.Multiply', params: { A: 7, B: 8 }, id: 1 };

test('both codecs carry a message unchanged', () => {
  for (const codec of [json, msgpack]) {
    expect(codec.decode(codec.encode(call))).toEqual(call);
  }
});

test('MessagePack is smaller: a map header, then short tagged values', () => {
  expect(json.encode(call)).toHaveLength(73);
  const bytes = msgpack.encode(call) as Uint8Array;
  expect(bytes).toHaveLength(53);
  // 0x84: a map of 4. 0xa7: a string of 7, "jsonrpc". 0xa3: "2.0".
  // 0xa6 "method", 0xae (a string of 14) "Arith.Multiply", 0xa6 "params",
  // 0x82 a map of 2: "A" 7, "B" 8 (small integers are one byte each),
  // then 0xa2 "id" 1.
  expect(Buffer.from(bytes).toString('hex')).toBe(
    '84a76a736f6e727063a3322e30' +
      'a66d6574686f64ae41726974682e4d756c7469706c79' +
      'a6706172616d7382a14107a14208' +
      'a2696401',
  );
});

test.each([
  ['JSON that ends too soon', json, '{"a":'],
  ['JSON that is not UTF-8', json, new Uint8Array([0x22, 0xff, 0x22])],
  ['an unused MessagePack byte', msgpack, new Uint8Array([0xc1])],
  ['MessagePack cut short', msgpack, new Uint8Array([0x92, 0x01])],
  [
    'an array header claiming 4 billion items',
    msgpack,
    new Uint8Array([0xdd, 0xff, 0xff, 0xff, 0xff, 0x01]),
  ],
  ['two messages in one', msgpack, new Uint8Array([0x01, 0x02])],
] as const)('%s is a parse error', (_, codec, data) => {
  expect(() => codec.decode(data)).toThrow(RpcError);
  try {
    codec.decode(data);
  } catch (error) {
    expect((error as RpcError).code).toBe(-32700);
  }
});

test('MessagePack types JSON lacks are invalid params or requests, not crashes', async () => {
  const server = createRpcServer();
  const withBytes = encode({ jsonrpc: '2.0', method: 'sum', params: new Uint8Array([1]), id: 1 });
  const reply = msgpack.decode((await answer(server, msgpack, withBytes)) as Uint8Array);
  expect(reply).toMatchObject({
    error: { code: -32600, data: 'params must be an array or an object' },
  });
  const withDate = encode({ jsonrpc: '2.0', method: 'sum', params: [new Date(0)], id: 2 });
  const dated = msgpack.decode((await answer(server, msgpack, withDate)) as Uint8Array);
  expect(dated).toMatchObject({ error: { code: -32602 }, id: 2 });
});
