import fc from 'fast-check';
import { expect, test } from 'vitest';
import { TransportError } from './errors.ts';
import { LineFramer, toLine } from './line-framing.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (lines: Uint8Array[]) => lines.map((l) => new TextDecoder().decode(l));

test('a line split across reads comes out whole, once complete', () => {
  const framer = new LineFramer(100);
  const message = toLine('{"jsonrpc":"2.0","method":"get_data","id":1}');
  const out: Uint8Array[] = [];
  for (const byte of bytes(message)) out.push(...framer.push(new Uint8Array([byte])));
  expect(text(out)).toEqual(['{"jsonrpc":"2.0","method":"get_data","id":1}']);
});

test('several lines in one read come out separately, and a partial one waits', () => {
  const framer = new LineFramer(100);
  expect(text(framer.push(bytes('[1]\n[2]\r\n\n[3')))).toEqual(['[1]', '[2]']);
  expect(text(framer.push(bytes(']\n')))).toEqual(['[3]']);
});

test('a line may be exactly the limit; one byte more is refused at once', () => {
  expect(text(new LineFramer(4).push(bytes('abcd\n')))).toEqual(['abcd']);
  const framer = new LineFramer(4);
  // Refused before any newline arrives: the peer may never send one.
  expect(() => framer.push(bytes('abcde'))).toThrow(TransportError);
  expect(() => new LineFramer(4).push(bytes('abcde'))).toThrow('a line over 4 bytes');
});

test('bytes are kept as bytes: a character split across reads survives', () => {
  const framer = new LineFramer(10);
  const snowman = bytes('☃\n');
  expect(framer.push(snowman.subarray(0, 1))).toEqual([]);
  expect(text(framer.push(snowman.subarray(1)))).toEqual(['☃']);
});

test('JSON text may hold newlines between tokens; JSON.stringify never writes one', () => {
  // RFC 8259 §2: whitespace, newlines included, may surround any
  // structural character. The specification's own batch example is
  // such a text: valid JSON, but three lines to a line framer.
  const pretty = '[\n  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}\n]\n';
  expect(JSON.parse(pretty)).toHaveLength(1);
  expect(text(new LineFramer(100).push(bytes(pretty)))).toHaveLength(3);
  // Compact serialization writes no whitespace, and a newline inside
  // a string must be escaped (RFC 8259 §7): no raw 0x0a, ever.
  fc.assert(
    fc.property(
      fc.jsonValue({ stringUnit: 'binary-ascii', maxDepth: 2 }),
      (value) => !JSON.stringify(value).includes('\n'),
    ),
  );
  expect(JSON.stringify({ text: 'one\ntwo' })).toBe('{"text":"one\\ntwo"}');
});
