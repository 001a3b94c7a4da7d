import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  concat,
  encodeFrame,
  encodeLine,
  FramingError,
  LengthPrefixDecoder,
  LineDecoder,
} from './framing.ts';

const text = new TextEncoder();
const utf8 = (s: string) => text.encode(s);
const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/ /g, ''), 'hex'));

/** Feeds the decoder each chunk in turn; returns every message. */
function decode(
  decoder: { push(chunk: Uint8Array): Uint8Array[]; err: unknown },
  chunks: Uint8Array[],
) {
  const messages = chunks.flatMap((chunk) => decoder.push(chunk));
  expect(decoder.err).toBeNull();
  return messages;
}

/** The stream cut at the given offsets (sorted, within bounds). */
function cut(stream: Uint8Array, at: number[]) {
  const edges = [0, ...at, stream.length];
  return edges.slice(1).map((end, i) => stream.subarray(edges[i], end));
}

/** Messages of bytes; lines may not hold a newline. */
const messages = fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 });
const lineMessages = fc.array(
  fc.uint8Array({ maxLength: 40 }).map((m) => m.filter((b) => b !== 0x0a)),
  { maxLength: 8 },
);

const framings = [
  {
    name: 'newline',
    arbitrary: lineMessages,
    encode: encodeLine,
    decoder: () => new LineDecoder(),
  },
  {
    name: 'length prefix',
    arbitrary: messages,
    encode: encodeFrame,
    decoder: () => new LengthPrefixDecoder(),
  },
];

describe.each(framings)('$name framing', ({ arbitrary, encode, decoder }) => {
  // #region property
  test('every split of the stream gives the same messages', () => {
    fc.assert(
      fc.property(arbitrary, (sent) => {
        const stream = concat(sent.map(encode));
        // One cut at each possible boundary, 0 to the stream's length.
        for (let at = 0; at <= stream.length; at++) {
          expect(decode(decoder(), cut(stream, [at]))).toEqual(sent);
        }
        // And every boundary at once: one byte per read.
        const bytes = cut(stream, [...stream.keys()].slice(1));
        expect(decode(decoder(), bytes)).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });
  // #endregion property

  test('any set of cuts gives the same messages', () => {
    const streamAndCuts = arbitrary.chain((sent) => {
      const stream = concat(sent.map(encode));
      const at = fc.uniqueArray(fc.nat(stream.length), { maxLength: 12 });
      return fc.tuple(fc.constant(sent), fc.constant(stream), at);
    });
    fc.assert(
      fc.property(streamAndCuts, ([sent, stream, at]) => {
        const chunks = cut(
          stream,
          at.sort((a, b) => a - b),
        );
        expect(decode(decoder(), chunks)).toEqual(sent);
      }),
      { numRuns: 500 },
    );
  });
});

describe('LineDecoder', () => {
  test('a line is its bytes without the newline', () => {
    const lines = new LineDecoder().push(utf8('hello\n\nworld\n'));
    expect(lines).toEqual([utf8('hello'), utf8(''), utf8('world')]);
  });

  test('UTF-8 split across reads is whole once the line is', () => {
    // "é" is c3 a9: a read may end between its two bytes, which is
    // why text is decoded after framing, not read by read.
    const decoder = new LineDecoder();
    expect(decoder.push(hex('63 61 66 c3'))).toEqual([]);
    const [line] = decoder.push(hex('a9 0a'));
    expect(new TextDecoder().decode(line)).toBe('café');
  });

  test('the unterminated rest comes out at the end', () => {
    const decoder = new LineDecoder();
    expect(decoder.push(utf8('one\ntw'))).toEqual([utf8('one')]);
    expect(decoder.end()).toEqual(utf8('tw'));
    expect(decoder.end()).toBeNull();
  });

  test('the decoder copies, so a reused read buffer cannot change it', () => {
    const decoder = new LineDecoder();
    const buffer = utf8('abc');
    decoder.push(buffer);
    buffer.fill(0x7a);
    expect(decoder.push(utf8('\n'))).toEqual([utf8('abc')]);
  });

  test('a line of exactly the limit is fine; one byte more is refused', () => {
    const fits = new LineDecoder(4);
    expect(fits.push(utf8('abcd\n'))).toEqual([utf8('abcd')]);
    expect(fits.err).toBeNull();
    const over = new LineDecoder(4);
    expect(over.push(utf8('abcde\n'))).toEqual([]);
    expect(over.err).toEqual(new FramingError('LINE_TOO_LONG', 'line longer than 4 bytes'));
    expect(over.err?.code).toBe('LINE_TOO_LONG');
  });

  test("like Go's Scanner: the lines before the fault, then the error", () => {
    const decoder = new LineDecoder(4);
    expect(decoder.push(utf8('ok\nfine\ntoo long\nlost\n'))).toEqual([utf8('ok'), utf8('fine')]);
    expect(decoder.err?.code).toBe('LINE_TOO_LONG');
    // Once failed, it stays failed.
    expect(decoder.push(utf8('x\n'))).toEqual([]);
    expect(decoder.end()).toBeNull();
  });

  test('a long line is refused before its newline arrives', () => {
    const decoder = new LineDecoder(8);
    decoder.push(utf8('12345'));
    expect(decoder.err).toBeNull();
    decoder.push(utf8('6789'));
    expect(decoder.err?.message).toBe('line longer than 8 bytes');
    // A megabyte without a newline: refused, not buffered.
    const flood = new LineDecoder(8);
    expect(flood.push(new Uint8Array(1_000_000))).toEqual([]);
    expect(flood.err?.code).toBe('LINE_TOO_LONG');
  });

  test('a message holding a newline cannot be a line', () => {
    expect(() => encodeLine(utf8('two\nlines'))).toThrow(/cannot contain/);
    expect(encodeLine(utf8('one'))).toEqual(utf8('one\n'));
  });
});

describe('LengthPrefixDecoder', () => {
  test('a frame is a 32-bit big-endian length, then the bytes', () => {
    expect(encodeFrame(utf8('hi'))).toEqual(hex('00000002 6869'));
    expect(encodeFrame(new Uint8Array())).toEqual(hex('00000000'));
    const frames = new LengthPrefixDecoder().push(hex('00000002 6869 00000000 00000001 ff'));
    expect(frames).toEqual([utf8('hi'), new Uint8Array(), hex('ff')]);
  });

  test('a prefix over the limit is refused before any body arrives', () => {
    const decoder = new LengthPrefixDecoder(1024);
    expect(decoder.push(hex('00000001 61 00000401'))).toEqual([utf8('a')]);
    expect(decoder.err).toEqual(
      new FramingError('FRAME_TOO_LARGE', 'frame of 1025 bytes is over the limit of 1024'),
    );
    expect(decoder.push(new Uint8Array(1025))).toEqual([]);
    const fits = new LengthPrefixDecoder(1024);
    expect(fits.push(hex('00000400'))).toEqual([]);
    expect(fits.err).toBeNull();
  });

  test('a stream that stops inside a frame is truncated', () => {
    const inBody = new LengthPrefixDecoder();
    inBody.push(hex('00000003 6162'));
    inBody.end();
    expect(inBody.err).toEqual(
      new FramingError('TRUNCATED', 'the stream ended inside a frame (2 of 3 body bytes)'),
    );
    const inPrefix = new LengthPrefixDecoder();
    inPrefix.push(hex('0000'));
    inPrefix.end();
    expect(inPrefix.err?.message).toMatch(/2 of 4 prefix bytes/);
    const clean = new LengthPrefixDecoder();
    clean.push(hex('00000001 61'));
    clean.end();
    expect(clean.err).toBeNull();
  });
});
