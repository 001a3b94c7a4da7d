import { describe, expect, test } from 'vitest';
import type { Frame } from './frame.ts';
import { decodeClose, encodeClose, isValidCloseCode, MessageReader } from './message.ts';
import { ProtocolError } from './protocol-error.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
const frame = (opcode: number, payload: Uint8Array | string, fin = true): Frame => ({
  fin,
  rsv: 0,
  opcode,
  payload: typeof payload === 'string' ? new TextEncoder().encode(payload) : payload,
});

/** What the reader makes of the frames, and the error that ended it. */
function readAll(frames: Frame[], maxBytes = 1024) {
  const reader = new MessageReader(maxBytes);
  const events = [];
  try {
    for (const f of frames) events.push(reader.read(f));
  } catch (error) {
    return { events, error: error as ProtocolError };
  }
  return { events, error: undefined };
}

describe('messages from fragments', () => {
  test('a ping between fragments is answered without breaking the message', () => {
    expect(
      readAll([
        frame(0x1, 'frag', false),
        frame(0x9, 'are you there'),
        frame(0x0, 'men', false),
        frame(0x0, 'ted'),
      ]).events,
    ).toEqual([
      undefined,
      { type: 'ping', data: new TextEncoder().encode('are you there') },
      undefined,
      { type: 'text', data: 'fragmented' },
    ]);
  });

  test('binary fragments are joined in order', () => {
    const { events } = readAll([frame(0x2, hex('cafe'), false), frame(0x0, hex('babe'))]);
    expect(events.at(-1)).toEqual({ type: 'binary', data: hex('cafebabe') });
  });

  test('a character cut between two fragments is still one character', () => {
    // "€" is e2 82 ac in UTF-8; here its bytes straddle the fragments.
    const { events } = readAll([frame(0x1, hex('e282'), false), frame(0x0, hex('ac'))]);
    expect(events.at(-1)).toEqual({ type: 'text', data: '€' });
  });

  test('a byte-order mark is kept: the text arrives as it was sent', () => {
    const { events } = readAll([frame(0x1, hex('efbbbf 68 69'))]);
    expect(events).toEqual([{ type: 'text', data: '\ufeffhi' }]);
  });

  test('an empty message is a message', () => {
    expect(readAll([frame(0x2, '')]).events).toEqual([{ type: 'binary', data: new Uint8Array() }]);
    expect(readAll([frame(0x1, '')]).events).toEqual([{ type: 'text', data: '' }]);
  });

  test('messages after a fragmented one start afresh', () => {
    const { events } = readAll([
      frame(0x1, 'a', false),
      frame(0x0, 'b'),
      frame(0x2, hex('01')),
      frame(0x1, 'c'),
    ]);
    expect(events.filter(Boolean)).toEqual([
      { type: 'text', data: 'ab' },
      { type: 'binary', data: hex('01') },
      { type: 'text', data: 'c' },
    ]);
  });
});

describe('what the reader refuses', () => {
  test.each([
    [
      'a continuation with nothing to continue',
      [frame(0x0, 'x')],
      'WS_ERR_UNEXPECTED_CONTINUATION',
      1002,
    ],
    [
      'a new message inside a fragmented one',
      [frame(0x1, 'x', false), frame(0x1, 'y')],
      'WS_ERR_EXPECTED_CONTINUATION',
      1002,
    ],
    ['invalid UTF-8 in one frame', [frame(0x1, hex('c328'))], 'WS_ERR_INVALID_UTF8', 1007],
    [
      'a character cut off by the final fragment',
      [frame(0x1, hex('e282'))],
      'WS_ERR_INVALID_UTF8',
      1007,
    ],
    [
      'fragments that together pass the limit',
      [frame(0x2, new Uint8Array(600), false), frame(0x0, new Uint8Array(600))],
      'WS_ERR_TOO_BIG',
      1009,
    ],
    ['a close payload of one byte', [frame(0x8, hex('03'))], 'WS_ERR_INVALID_CLOSE_LENGTH', 1002],
    ['a close code of 1005', [frame(0x8, hex('03ed'))], 'WS_ERR_INVALID_CLOSE_CODE', 1002],
    ['a close reason that is not UTF-8', [frame(0x8, hex('03e8 ff'))], 'WS_ERR_INVALID_UTF8', 1007],
  ] as const)('%s', (_, frames, code, closeCode) => {
    const { error } = readAll([...frames]);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code, closeCode });
  });

  test('bad UTF-8 fails at its fragment, before the message ends', () => {
    const { events, error } = readAll([
      frame(0x1, 'fine', false),
      frame(0x0, hex('ff'), false),
      frame(0x0, 'never read'),
    ]);
    expect(events).toEqual([undefined]);
    expect(error?.code).toBe('WS_ERR_INVALID_UTF8');
  });
});

describe('close frames', () => {
  test('code and reason go out as two bytes and UTF-8, and come back', () => {
    const payload = encodeClose(4000, 'bye ✓');
    expect(Buffer.from(payload).toString('hex')).toBe(
      `0fa0${Buffer.from('bye ✓').toString('hex')}`,
    );
    expect(decodeClose(payload)).toEqual({ code: 4000, reason: 'bye ✓' });
  });

  test('no code on the wire reads as 1005, and 1005 writes as nothing', () => {
    expect(decodeClose(new Uint8Array())).toEqual({ code: 1005, reason: '' });
    expect(encodeClose(1005)).toEqual(new Uint8Array());
  });

  test.each([
    [999, false],
    [1000, true],
    [1003, true],
    [1004, false],
    [1005, false],
    [1006, false],
    [1007, true],
    [1011, true],
    [1014, true],
    [1015, false],
    [1016, false],
    [2999, false],
    [3000, true],
    [4999, true],
    [5000, false],
  ])('close code %i may be sent: %s', (code, valid) => {
    expect(isValidCloseCode(code)).toBe(valid);
  });
});
