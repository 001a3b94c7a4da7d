import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyMask,
  type DecoderOptions,
  type DecoderState,
  encodeFrame,
  type Frame,
  FrameDecoder,
  isControl,
  OPCODES,
} from './frame.ts';
import { MessageReader } from './message.ts';
import { PROTOCOL_ERRORS, ProtocolError } from './protocol-error.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
const bytes = (text: string) => new TextEncoder().encode(text);
const MASK = hex('37fa213d');
const server: DecoderOptions = { masked: false, maxPayload: 2 ** 20 };
const client: DecoderOptions = { masked: true, maxPayload: 2 ** 20 };

/** Frames with their bytes as base64, which compares far faster. */
const plain = (frames: Frame[]) =>
  frames.map(({ mask, payload, ...header }) => ({
    ...header,
    mask: mask && Buffer.from(mask).toString('hex'),
    payload: Buffer.from(payload).toString('base64'),
  }));

/** Every frame the bytes hold, then the error that stopped them, if any. */
function decodeAll(chunks: Uint8Array[], options: DecoderOptions) {
  const decoder = new FrameDecoder(options);
  const frames: Frame[] = [];
  try {
    for (const chunk of chunks) decoder.push(chunk, (frame) => frames.push(frame));
  } catch (error) {
    return { frames, error };
  }
  return { frames, error: undefined, state: decoder.state };
}

describe('RFC 6455 §5.7 examples, byte for byte', () => {
  // #region rfc
  const examples: [string, Frame, string, DecoderOptions][] = [
    [
      'a single-frame unmasked text message',
      { fin: true, rsv: 0, opcode: 0x1, payload: bytes('Hello') },
      '81 05 48656c6c6f',
      server,
    ],
    [
      'a single-frame masked text message',
      { fin: true, rsv: 0, opcode: 0x1, mask: MASK, payload: bytes('Hello') },
      '81 85 37fa213d 7f9f4d5158',
      client,
    ],
    [
      'the first fragment of an unmasked text message',
      { fin: false, rsv: 0, opcode: 0x1, payload: bytes('Hel') },
      '01 03 48656c',
      server,
    ],
    [
      'its final fragment',
      { fin: true, rsv: 0, opcode: 0x0, payload: bytes('lo') },
      '80 02 6c6f',
      server,
    ],
    [
      'an unmasked ping',
      { fin: true, rsv: 0, opcode: 0x9, payload: bytes('Hello') },
      '89 05 48656c6c6f',
      server,
    ],
    [
      'a masked pong answering it',
      { fin: true, rsv: 0, opcode: 0xa, mask: MASK, payload: bytes('Hello') },
      '8a 85 37fa213d 7f9f4d5158',
      client,
    ],
  ];
  // #endregion rfc

  test.each(examples)('%s', (_, frame, wire, options) => {
    expect(Buffer.from(encodeFrame(frame)).toString('hex')).toBe(wire.replace(/\s/g, ''));
    expect(decodeAll([hex(wire)], options).frames).toEqual([frame]);
  });

  test('"Hel" + "lo" is one text message, "Hello"', () => {
    const reader = new MessageReader(1024);
    const { frames } = decodeAll([hex('01 03 48656c 80 02 6c6f')], server);
    expect(frames.map((frame) => reader.read(frame))).toEqual([
      undefined,
      { type: 'text', data: 'Hello' },
    ]);
  });

  test.each([
    ['256 bytes', 256, '82 7e 0100'],
    ['64 KiB', 65_536, '82 7f 0000000000010000'],
  ])('%s of binary data in one unmasked frame', (_, size, header) => {
    const payload = new Uint8Array(size).map((_, i) => i);
    const wire = encodeFrame({ fin: true, rsv: 0, opcode: 0x2, payload });
    expect(Buffer.from(wire.subarray(0, wire.length - size)).toString('hex')).toBe(
      header.replace(/\s/g, ''),
    );
    expect(decodeAll([wire], server).frames).toEqual([{ fin: true, rsv: 0, opcode: 0x2, payload }]);
  });
});

describe('the decoder state machine', () => {
  test.each([
    ['a 7-bit length', 5, ['GET_INFO', 'GET_MASK', 'GET_DATA']],
    ['a 16-bit length', 300, ['GET_INFO', 'GET_PAYLOAD_LENGTH_16', 'GET_MASK', 'GET_DATA']],
    ['a 64-bit length', 70_000, ['GET_INFO', 'GET_PAYLOAD_LENGTH_64', 'GET_MASK', 'GET_DATA']],
  ] as const)('walks its states for %s, one byte at a time', (_, size, states) => {
    const wire = encodeFrame({
      fin: true,
      rsv: 0,
      opcode: 0x2,
      mask: MASK,
      payload: new Uint8Array(size),
    });
    const decoder = new FrameDecoder(client);
    const seen: DecoderState[] = [decoder.state];
    let frames = 0;
    // The header one byte at a time, then the payload in one go.
    let at = 0;
    while (decoder.state !== 'GET_DATA') {
      decoder.push(wire.subarray(at, ++at), () => frames++);
      if (decoder.state !== seen.at(-1)) seen.push(decoder.state);
    }
    decoder.push(wire.subarray(at), () => frames++);
    seen.push(decoder.state);
    expect(seen).toEqual([...states, 'GET_INFO']);
    expect(frames).toBe(1);
  });

  test('a length over maxPayload is refused before its payload arrives', () => {
    const { error } = decodeAll([hex('82 fe 0101')], { masked: true, maxPayload: 256 });
    expect(error).toMatchObject({ code: 'WS_ERR_TOO_BIG', closeCode: 1009 });
  });

  test.each([
    ['a reserved bit', 'c1 80 00000000', 'WS_ERR_UNEXPECTED_RSV'],
    ['a reserved opcode', '83 80 00000000', 'WS_ERR_INVALID_OPCODE'],
    ['a fragmented ping', '09 80 00000000', 'WS_ERR_FRAGMENTED_CONTROL'],
    ['a 126-byte ping', '89 fe 007e', 'WS_ERR_CONTROL_TOO_LONG'],
    ['an unmasked client frame', '81 00', 'WS_ERR_EXPECTED_MASK'],
    ['a 64-bit length with its top bit set', '82 ff 8000000000000000', 'WS_ERR_INVALID_LENGTH'],
  ])('%s is a 1002', (_, wire, code) => {
    const { error } = decodeAll([hex(wire)], client);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code, closeCode: 1002 });
  });

  test('a masked frame from a server is a 1002 for its client', () => {
    const { error } = decodeAll([hex('81 80 00000000')], server);
    expect(error).toMatchObject({ code: 'WS_ERR_UNEXPECTED_MASK', closeCode: 1002 });
  });

  test('after an error the decoder stays failed', () => {
    const decoder = new FrameDecoder(client);
    expect(() => decoder.push(hex('83 80'), () => {})).toThrow(ProtocolError);
    expect(() => decoder.push(hex('81 80 00000000'), () => {})).toThrow('the opcode is reserved');
  });

  test('RSV bits an extension claimed are let through', () => {
    const wire = hex('c1 80 00000000');
    const { frames } = decodeAll([wire], { ...client, allowedRsv: 0b100 });
    expect(frames).toEqual([
      { fin: true, rsv: 0b100, opcode: 1, mask: hex('00000000'), payload: new Uint8Array() },
    ]);
  });

  test('the encoder refuses control frames the decoder would refuse', () => {
    const ping = (payload: Uint8Array, fin = true): Frame => ({
      fin,
      rsv: 0,
      opcode: 0x9,
      payload,
    });
    expect(() => encodeFrame(ping(new Uint8Array(126)))).toThrow(RangeError);
    expect(() => encodeFrame(ping(new Uint8Array(1), false))).toThrow(RangeError);
  });
});

describe('properties (fast-check)', () => {
  const opcodes = Object.values(OPCODES);
  const payloadOf = (opcode: number) =>
    isControl(opcode)
      ? fc.uint8Array({ maxLength: 125 })
      : fc.oneof(
          { weight: 8, arbitrary: fc.uint8Array({ maxLength: 300 }) },
          // Past 65,535 bytes the length takes 64 bits.
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.integer({ min: 65_530, max: 65_600 }), fc.nat(255))
              .map(([size, fill]) => new Uint8Array(size).fill(fill)),
          },
        );
  const frameOf = (masked: boolean): fc.Arbitrary<Frame> =>
    fc.constantFrom(...opcodes).chain((opcode) =>
      fc.record({
        fin: isControl(opcode) ? fc.constant(true) : fc.boolean(),
        rsv: fc.integer({ min: 0, max: 7 }),
        opcode: fc.constant(opcode),
        payload: payloadOf(opcode),
        ...(masked ? { mask: fc.uint8Array({ minLength: 4, maxLength: 4 }) } : {}),
      }),
    );
  const anyRsv = { maxPayload: 2 ** 20, allowedRsv: 0b111 };

  // #region roundtrip
  test('decode(encode(frame)) is the frame, masked or not', () => {
    const sided = fc.boolean().chain((masked) => fc.tuple(fc.constant(masked), frameOf(masked)));
    fc.assert(
      fc.property(sided, ([masked, frame]) => {
        const wire = encodeFrame(frame);
        const options = { masked, ...anyRsv };
        const { frames, error } = decodeAll([wire], options);
        expect(error).toBeUndefined();
        // plain(): the same frames, their bytes as text for speed.
        expect(plain(frames)).toEqual(plain([frame]));
      }),
      { numRuns: 300 },
    );
  });
  // #endregion roundtrip

  /** Cuts bytes at the given offsets (any order, repeats allowed). */
  const split = (wire: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((start, i) => wire.subarray(start, at[i] ?? wire.length));
  };
  const concat = (parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

  test('any split of a stream of frames gives the same frames', () => {
    fc.assert(
      fc.property(
        fc.array(frameOf(true), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (frames, cuts) => {
          const wire = concat(frames.map(encodeFrame));
          const options = { masked: true, ...anyRsv };
          const pieces = decodeAll(split(wire, cuts), options);
          expect(pieces.error).toBeUndefined();
          expect(plain(pieces.frames)).toEqual(plain(frames));
        },
      ),
      { numRuns: 200 },
    );
  });

  // Frames whose every field is random: any first byte, a mask or
  // not, lengths that may lie. Most break some rule; some do not.
  const rawFrame = fc
    .record({
      first: fc.nat(255),
      masked: fc.boolean(),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 140 }),
        fc.constantFrom(hex('c328'), hex('e282'), hex('03e7'), hex('03e8cebae1bd')),
      ),
    })
    .map(({ first, masked, payload }) => {
      const body = payload.subarray(0, 125);
      const key = hex('a1b2c3d4');
      return concat([
        Uint8Array.of(first, (masked ? 0x80 : 0) | body.length),
        ...(masked ? [key, applyMask(body, key)] : [body]),
      ]);
    });
  const closeCodes = new Set(Object.values(PROTOCOL_ERRORS).map(([code]) => code));

  // #region fuzz
  test('random bytes yield frames and messages, or a ProtocolError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.array(rawFrame, { maxLength: 8 }).map(concat),
        ),
        fc.array(fc.nat(), { maxLength: 10 }),
        (wire, cuts) => {
          const decoder = new FrameDecoder({ masked: true, maxPayload: 100 });
          const reader = new MessageReader(150);
          try {
            for (const chunk of split(wire, cuts)) {
              decoder.push(chunk, (frame) => reader.read(frame));
            }
          } catch (error) {
            // Nothing but a ProtocolError: 1002, 1007 or 1009.
            expect(error).toBeInstanceOf(ProtocolError);
            const { closeCode } = error as ProtocolError;
            expect(closeCodes).toContain(closeCode);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
  // #endregion fuzz

  test('any split of any bytes gives the same frames and the same error', () => {
    fc.assert(
      fc.property(
        fc.array(rawFrame, { maxLength: 8 }).map(concat),
        fc.array(fc.nat(), { maxLength: 10 }),
        (wire, cuts) => {
          const options = { masked: true, maxPayload: 100 };
          const whole = decodeAll([wire], options);
          const pieces = decodeAll(split(wire, cuts), options);
          expect(pieces.frames).toEqual(whole.frames);
          expect((pieces.error as ProtocolError | undefined)?.code).toBe(
            (whole.error as ProtocolError | undefined)?.code,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
