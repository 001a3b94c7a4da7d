import { describe, expect, test } from 'vitest';
import { ChatError, parseChat } from './chat-message.ts';

const text = (s: string) => new TextEncoder().encode(s);

test('a valid message gives its text, trimmed', () => {
  expect(parseChat(text('{"type":"chat","text":"  hello  "}'), false, 280)).toBe('hello');
  expect(parseChat(text('{"text":"key order is free","type":"chat"}'), false, 280)).toBe(
    'key order is free',
  );
});

test('length counts code points: 3 emoji fit in 3 characters', () => {
  const emoji = '😀😀😀';
  expect(emoji.length).toBe(6);
  const message = text(JSON.stringify({ type: 'chat', text: emoji }));
  expect(parseChat(message, false, 3)).toBe(emoji);
  expect(() => parseChat(message, false, 2)).toThrow('at most 2 characters');
});

describe('each mistake gets its code and answer', () => {
  const cases: [string, Uint8Array, boolean, string, number | null][] = [
    ['binary', new Uint8Array([1, 2]), true, 'not-text', 1003],
    ['not JSON', text('hello'), false, 'not-json', 1008],
    ['a JSON string', text('"hello"'), false, 'bad-shape', 1008],
    ['an array', text('[]'), false, 'bad-shape', 1008],
    ['null', text('null'), false, 'bad-shape', 1008],
    ['another type', text('{"type":"shout","text":"hi"}'), false, 'bad-shape', 1008],
    ['text not a string', text('{"type":"chat","text":5}'), false, 'bad-shape', 1008],
    ['an extra key', text('{"type":"chat","text":"hi","from":"admin"}'), false, 'bad-shape', 1008],
    ['only spaces', text('{"type":"chat","text":"   "}'), false, 'empty', null],
    [
      'too long',
      text(JSON.stringify({ type: 'chat', text: 'x'.repeat(11) })),
      false,
      'too-long',
      null,
    ],
  ];

  test.each(cases)('%s → %s', (_, data, isBinary, code, closeCode) => {
    let thrown: unknown;
    try {
      parseChat(data, isBinary, 10);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChatError);
    expect(thrown).toMatchObject({ code, closeCode });
    // A close reason has room for 123 bytes.
    expect(Buffer.byteLength((thrown as Error).message)).toBeLessThanOrEqual(123);
  });
});
