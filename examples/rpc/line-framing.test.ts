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
