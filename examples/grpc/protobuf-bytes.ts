// What Args{a: 7, b: 8} is on the wire in Protocol Buffers, read by
// hand byte by byte, then by the generated code, and set beside the
// JSON and MessagePack of the same arguments (docs/rpc/codecs.mdx).
//
// The wire format (protobuf.dev/programming-guides/encoding): a
// message is a run of fields; each starts with a tag, a varint that
// holds the field number and the wire type, `field << 3 | type`. Type
// 0 is a varint, the type of every int32, int64, uint32, bool and
// enum. Names never travel: the .proto maps numbers to names.

import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { DemoIO } from '../demo-io.ts';
import { json, msgpack } from '../rpc/codecs.ts';
import { ArgsSchema } from './gen/arith_pb.ts';

// #region varint
/**
 * Reads a base-128 varint at `at`: seven bits a byte, least
 * significant group first; a set high bit means another byte follows.
 * Returns the value and where the next thing starts.
 */
export function readVarint(bytes: Uint8Array, at: number) {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('the message ends inside a varint');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return { value, next: at };
  }
  // A negative int32 takes ten bytes; this reader stops at 35 bits.
  throw new Error('a varint longer than five bytes: not a non-negative int32');
}
// #endregion varint

// #region fields
/** One field as the wire has it: number, wire type, value. */
export interface WireField {
  field: number;
  wireType: number;
  value: number;
}

/** Splits a message of varint fields into its fields, by hand. */
export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    const field = tag.value >>> 3;
    const wireType = tag.value & 0b111;
    if (wireType !== 0) {
      throw new Error(
        `field ${field} has wire type ${wireType}; this reads varints (0)`,
      );
    }
    const value = readVarint(bytes, tag.next);
    fields.push({ field, wireType, value: value.value });
    at = value.next;
  }
  return fields;
}
// #endregion fields

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

const size = (data: string | Uint8Array) =>
  typeof data === 'string'
    ? new TextEncoder().encode(data).length
    : data.length;

// #region run
/** Encodes Args{a: 7, b: 8}, decodes it twice, and compares sizes. */
export async function run(io: DemoIO): Promise<void> {
  const bytes = toBinary(ArgsSchema, create(ArgsSchema, { a: 7, b: 8 }));
  io.log(`Args{a: 7, b: 8} is ${bytes.length} bytes: ${hex(bytes)}`);
  for (const { field, wireType, value } of readFields(bytes)) {
    io.log(
      `tag ${(field << 3) | wireType}: field ${field}, wire type ${wireType}` +
        ` (varint), value ${value}`,
    );
  }
  const library = fromBinary(ArgsSchema, bytes);
  io.log(`fromBinary says: a = ${library.a}, b = ${library.b}`);
  // Larger numbers take more bytes; a negative int32 takes ten.
  for (const a of [300, -1]) {
    const more = toBinary(ArgsSchema, create(ArgsSchema, { a, b: 8 }));
    io.log(`Args{a: ${a}, b: 8}: ${hex(more)}`);
  }
  // The same arguments as the JSON-RPC pages send them.
  const params = { A: 7, B: 8 };
  io.show('table', [
    { codec: 'Protocol Buffers', bytes: bytes.length, hex: hex(bytes) },
    {
      codec: 'MessagePack',
      bytes: size(msgpack.encode(params)),
      hex: hex(msgpack.encode(params) as Uint8Array),
    },
    {
      codec: 'JSON',
      bytes: size(json.encode(params)),
      hex: json.encode(params),
    },
  ]);
}
// #endregion run
