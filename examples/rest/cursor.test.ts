import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Cursors } from './cursor.ts';
import { Problem } from './problem.ts';

test('a cursor reads back as its position, for the token it was issued to', () => {
  const cursors = new Cursors();
  fc.assert(
    fc.property(fc.nat(), fc.string({ minLength: 16 }), (position, token) => {
      expect(cursors.read(token, cursors.issue(token, position))).toBe(position);
    }),
  );
});

test('a cursor is refused for another token, another key, or any change to it', () => {
  const key = Buffer.alloc(32, 7);
  const cursors = new Cursors(key);
  const cursor = cursors.issue('ada-token-0123456789', 12);
  const refused = (token: string, text: string) => {
    expect(() => cursors.read(token, text)).toThrow(Problem);
  };
  refused('grace-token-0123456789', cursor);
  expect(() => new Cursors().read('ada-token-0123456789', cursor)).toThrow(Problem);
  expect(new Cursors(key).read('ada-token-0123456789', cursor)).toBe(12);
  fc.assert(
    fc.property(fc.nat(cursor.length - 1), fc.constantFrom(...'AZaz09-_.'), (at, char) => {
      const changed = cursor.slice(0, at) + char + cursor.slice(at + 1);
      fc.pre(changed !== cursor);
      refused('ada-token-0123456789', changed);
    }),
  );
});
