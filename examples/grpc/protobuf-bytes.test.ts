// The hand decoder against the library, and the lines the
// contract page's cell prints.

import { create, toBinary } from '@bufbuild/protobuf';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { runInNode } from '../../tests/support/playground.ts';
import { ArgsSchema } from './gen/arith_pb.ts';
import { readFields, readVarint, run } from './protobuf-bytes.ts';

test('the cell reads 08 07 10 08 field by field, as fromBinary does', async () => {
  // No server: the demo only encodes and decodes.
  const result = await runInNode(run, 'http://127.0.0.1:1');
  expect(result.text).toEqual([
    'info Args{a: 7, b: 8} is 4 bytes: 08 07 10 08',
    'info tag 8: field 1, wire type 0 (varint), value 7',
    'info tag 16: field 2, wire type 0 (varint), value 8',
    'info fromBinary says: a = 7, b = 8',
    'info Args{a: 300, b: 8}: 08 ac 02 10 08',
    'info Args{a: -1, b: 8}: 08 ff ff ff ff ff ff ff ff ff 01 10 08',
    'view table ' +
      JSON.stringify([
        { codec: 'Protocol Buffers', bytes: 4, hex: '08 07 10 08' },
        { codec: 'MessagePack', bytes: 7, hex: '82 a1 41 07 a1 42 08' },
        { codec: 'JSON', bytes: 13, hex: '{"A":7,"B":8}' },
      ]),
  ]);
});

test('readVarint: 300 is ac 02; a varint that never ends is refused', () => {
  expect(readVarint(Uint8Array.of(0xac, 0x02), 0)).toEqual({ value: 300, next: 2 });
  expect(() => readVarint(Uint8Array.of(0x80, 0x80), 0)).toThrow('ends inside a varint');
  expect(() => readVarint(new Uint8Array(6).fill(0xff), 0)).toThrow('longer than five bytes');
});

test('readFields agrees with toBinary on every non-negative Args', () => {
  const int = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  fc.assert(
    fc.property(int, int, (a, b) => {
      const bytes = toBinary(ArgsSchema, create(ArgsSchema, { a, b }));
      // proto3 leaves a field at its zero value off the wire.
      const expected = [
        ...(a ? [{ field: 1, wireType: 0, value: a }] : []),
        ...(b ? [{ field: 2, wireType: 0, value: b }] : []),
      ];
      expect(readFields(bytes)).toEqual(expected);
    }),
  );
});

test('a field of another wire type is named, not misread', () => {
  // Field 1, wire type 2 (length-delimited): tag 0a.
  expect(() => readFields(Uint8Array.of(0x0a, 0x01, 0x41))).toThrow(
    'field 1 has wire type 2; this reads varints (0)',
  );
});
