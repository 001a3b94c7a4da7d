// Reading gob by hand: what each byte of a gob stream means.
//
// gob is the codec Go's net/rpc speaks by default. Its stream is a
// sequence of messages, each an unsigned length and then a type id: a
// negative id defines a type (-65: "type 65 is …"), a positive one
// announces a value of a type already defined. This reader knows the
// part of gob that Arith's calls use: structs of ints, uints and
// strings, and single values of those types. Anything else is refused
// by name rather than misread. It explains as it reads, byte by byte,
// which is what the pages show (encoding/gob's doc.go, "Encoding
// Details", is the reference for every rule below).

/** A run of bytes and what it means. */
export interface GobPart {
  offset: number;
  hex: string;
  meaning: string;
}

/** One message of a stream: a type definition or a value. */
export interface GobMessage {
  kind: 'type' | 'value';
  /** The id defined, or the id of the value's type. */
  typeId: number;
  /** The type's name, for a definition: "Args". */
  name?: string;
  /** The value decoded, for a value message. */
  value?: unknown;
  parts: GobPart[];
}

interface Field {
  name: string;
  typeId: number;
}

// #region ids
/** The types every gob stream knows before it starts (doc.go). */
const BUILTIN: Record<number, string> = {
  1: 'bool',
  2: 'int',
  3: 'uint',
  4: 'float',
  5: '[]byte',
  6: 'string',
};
// #endregion ids

// #region numbers
/** Reads gob's numbers, strings and field deltas from `bytes`. */
class Cursor {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Under 128: one byte. Otherwise a byte -n, then n big-endian bytes. */
  uint(): bigint {
    const first = this.#byte();
    if (first < 0x80) return BigInt(first);
    const count = 256 - first;
    if (count > 8) throw new Error(`a uint of ${count} bytes at ${this.at}`);
    let value = 0n;
    for (let i = 0; i < count; i++)
      value = (value << 8n) | BigInt(this.#byte());
    return value;
  }

  /** A uint whose lowest bit says "complement the rest". */
  int(): bigint {
    const u = this.uint();
    return u & 1n ? ~(u >> 1n) : u >> 1n;
  }

  /** A uint count, then that many bytes of UTF-8. */
  string(): string {
    const length = Number(this.uint());
    const end = this.at + length;
    if (end > this.bytes.length) throw new Error('a string past the end');
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, end));
    this.at = end;
    return text;
  }

  #byte(): number {
    const byte = this.bytes[this.at++];
    if (byte === undefined) throw new Error('the stream ends mid-value');
    return byte;
  }
}
// #endregion numbers

/** How a number went out: one byte, or a count byte and then bytes. */
function sentAs(u: bigint) {
  if (u < 128n) return `${u}`;
  const count = Math.ceil(u.toString(16).length / 2);
  const bytes = count === 1 ? '1 byte' : `${count} bytes`;
  const mark = (256 - count).toString(16);
  return `${u} in ${bytes} after the count byte ${mark} (-${count})`;
}

/** A signed number: the uint sent, halved, or complemented if odd. */
function signed(n: bigint) {
  const u = n < 0n ? (~n << 1n) | 1n : n << 1n;
  const how = n < 0n ? `odd, so the complement of ${u >> 1n}` : 'halved';
  return `${n} (sent as ${sentAs(u)}; ${how})`;
}

const hex = (bytes: Uint8Array) =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * Reads a gob stream, defining types as it meets them: all of it, or
 * its first `count` messages.
 */
export function readGob(bytes: Uint8Array, count = Infinity): GobMessage[] {
  const cursor = new Cursor(bytes);
  const types = new Map<number, { name: string; fields: Field[] }>();
  const messages: GobMessage[] = [];
  while (cursor.at < bytes.length && messages.length < count) {
    const parts: GobPart[] = [];
    let start = cursor.at;
    /** Records the bytes read since the last part, and their meaning. */
    const part = (meaning: string) => {
      const run = bytes.subarray(start, cursor.at);
      parts.push({ offset: start, hex: hex(run), meaning });
      start = cursor.at;
    };
    const length = Number(cursor.uint());
    part(`message length: ${length} bytes follow`);
    const end = cursor.at + length;
    if (end > bytes.length) throw new Error('the stream ends mid-message');
    const id = Number(cursor.int());
    if (id < 0) {
      part(`type id ${signed(BigInt(id))}: defines type ${-id}`);
      const type = readStructType(cursor, part);
      types.set(-id, type);
      messages.push({ kind: 'type', typeId: -id, name: type.name, parts });
    } else {
      const type = types.get(id);
      const what = type?.name ?? BUILTIN[id];
      if (what === undefined) throw new Error(`type ${id} was never defined`);
      part(`type id ${signed(BigInt(id))}: a value of type ${what}`);
      const value = type
        ? readStruct(cursor, part, type.fields)
        : readSingleton(cursor, part, id);
      messages.push({ kind: 'value', typeId: id, value, parts });
    }
    if (cursor.at !== end) {
      throw new Error(`message at ${start} ends at ${cursor.at}, not ${end}`);
    }
  }
  return messages;
}

type Part = (meaning: string) => void;

// #region struct
/** A struct value: (field delta, value) pairs, then a 0 delta. */
function readStruct(cursor: Cursor, part: Part, fields: Field[]) {
  const value: Record<string, unknown> = {};
  let field = -1;
  for (;;) {
    const delta = Number(cursor.uint());
    if (delta === 0) {
      part('delta 0: end of the struct');
      return value;
    }
    field += delta;
    const { name, typeId } = fields[field] ?? {};
    if (name === undefined) throw new Error(`no field ${field}`);
    const skipped = delta > 1 ? `, ${delta - 1} zero field(s) left out` : '';
    part(`field delta ${delta}: field ${field}, ${name}${skipped}`);
    value[name] = readBuiltin(cursor, part, typeId!);
  }
}
// #endregion struct

/** A value that is not a struct goes like a field with delta 0. */
function readSingleton(cursor: Cursor, part: Part, typeId: number) {
  if (cursor.uint() !== 0n) throw new Error('a singleton needs delta 0');
  part('delta 0: a single value, not a struct');
  return readBuiltin(cursor, part, typeId);
}

function readBuiltin(cursor: Cursor, part: Part, typeId: number) {
  if (typeId === 2) {
    const n = cursor.int();
    part(`int ${signed(n)}`);
    return Number(n);
  }
  if (typeId === 3) {
    const n = cursor.uint();
    part(`uint ${sentAs(n)}`);
    return Number(n);
  }
  if (typeId === 6) {
    const length = cursor.bytes[cursor.at];
    const text = cursor.string();
    part(`string of ${length} bytes: "${text}"`);
    return text;
  }
  throw new Error(`this reader does not know type ${typeId}`);
}

// #region definition
/**
 * A type definition is itself a gob value, of the built-in type
 * wireType; a struct is its field 2, StructT: a CommonType (the name
 * and id) and a list of fields, each a name and a type id.
 */
function readStructType(cursor: Cursor, part: Part) {
  expect(cursor, 3n, 'wireType');
  part('field delta 3: wireType field 2, StructT: a struct');
  expect(cursor, 1n, 'StructT');
  part('field delta 1: its CommonType');
  expect(cursor, 1n, 'CommonType');
  const name = cursor.string();
  part(`field delta 1, Name: "${name}"`);
  expect(cursor, 1n, 'CommonType');
  const id = cursor.int();
  part(`field delta 1, Id: ${signed(id)}`);
  expect(cursor, 0n, 'CommonType');
  part('delta 0: end of CommonType');
  expect(cursor, 1n, 'StructT');
  const count = Number(cursor.uint());
  part(`field delta 1, Field: a list of ${count}`);
  const fields: Field[] = [];
  for (let i = 0; i < count; i++) {
    expect(cursor, 1n, 'fieldType');
    const name = cursor.string();
    part(`field delta 1, Name: "${name}"`);
    expect(cursor, 1n, 'fieldType');
    const typeId = Number(cursor.int());
    expect(cursor, 0n, 'fieldType');
    const known = BUILTIN[typeId] ?? `type ${typeId}`;
    part(`field delta 1, Id: ${typeId} (${known}); delta 0: end`);
    fields.push({ name, typeId });
  }
  expect(cursor, 0n, 'StructT');
  expect(cursor, 0n, 'wireType');
  part('delta 0, delta 0: end of StructT, end of wireType');
  return { name, fields };
}
// #endregion definition

function expect(cursor: Cursor, want: bigint, where: string) {
  const at = cursor.at;
  const got = cursor.uint();
  if (got !== want) {
    throw new Error(`${where}: ${got} at byte ${at}, not ${want}`);
  }
}

/** Bytes from hex, as the kept files hold them: "1eff81…". */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}

/**
 * Splits Go's RPC over HTTP: the HTTP head, up to the empty line that
 * ends it ("\n\n": Go writes bare line feeds here), and the gob stream
 * that follows on the same connection.
 */
export function splitHead(bytes: Uint8Array) {
  const end = Buffer.from(bytes).indexOf('\n\n');
  if (end === -1) throw new Error('no empty line ends the HTTP head');
  const head = new TextDecoder().decode(bytes.subarray(0, end + 2));
  return { head, rest: bytes.subarray(end + 2) };
}
