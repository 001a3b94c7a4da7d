import { expect, test } from 'vitest';
import { mergePatch, toNoteFields } from './note-fields.ts';
import type { Problem } from './problem.ts';

test('a note is a title and a body; a matching id may come along', () => {
  expect(toNoteFields({ title: 'Milk', body: '' })).toEqual({ title: 'Milk', body: '' });
  expect(toNoteFields({ id: 'a', title: 'Milk', body: 'x\ny\tz' }, 'a')).toEqual({
    title: 'Milk',
    body: 'x\ny\tz',
  });
  expect(toNoteFields({ title: '🥛'.repeat(200), body: '' }).title).toHaveLength(400);
});

test.each([
  [null, 'The body is JSON, but not an object.'],
  [[1, 2], 'The body is JSON, but not an object.'],
  ['Milk', 'The body is JSON, but not an object.'],
  [{ body: 'x' }, 'Its "title" must be a string.'],
  [{ title: 3, body: 'x' }, 'Its "title" must be a string.'],
  [{ title: 'Milk' }, 'Its "body" must be a string.'],
  [{ title: '', body: '' }, 'Its "title" has 0 characters; it may have 1 to 200.'],
  [{ title: 'x'.repeat(201), body: '' }, 'Its "title" has 201 characters; it may have 1 to 200.'],
  [
    { title: 'Milk', body: '', colour: 'red' },
    'It has a member "colour", which notes do not have.',
  ],
  [{ id: 'b', title: 'Milk', body: '' }, 'Its id "b" is not the "a" in the URL.'],
  [{ title: 'bell\u0007', body: '' }, 'Its "title" contains control characters or broken Unicode.'],
  [
    { title: 'Milk', body: 'half \ud800 a pair' },
    'Its "body" contains control characters or broken Unicode.',
  ],
])('%j is refused with 422: %s', (value, detail) => {
  try {
    toNoteFields(value, 'a');
    expect.unreachable();
  } catch (error) {
    expect(error).toMatchObject({ code: 'invalid-note', status: 422 });
    expect((error as Problem).message).toBe(
      `${detail} A note is an object like {"title":"Milk","body":"2 litres"}.`,
    );
  }
});

// RFC 7396, Appendix A: every example, as the RFC writes it.
test.each([
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [
    ['a', 'b'],
    ['c', 'd'],
    ['c', 'd'],
  ],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
])('RFC 7396: %j patched with %j is %j', (target, patch, result) => {
  const before = structuredClone(target);
  expect(mergePatch(target, patch)).toEqual(result);
  expect(target).toEqual(before);
});

test('a merge patch on a note: null removes a member, and a note without one is refused', () => {
  const note = { id: 'a', title: 'Milk', body: 'Two' };
  expect(mergePatch(note, { body: 'Three' })).toEqual({ id: 'a', title: 'Milk', body: 'Three' });
  expect(mergePatch(note, {})).toEqual(note);
  expect(() => toNoteFields(mergePatch(note, { body: null }), 'a')).toThrow(
    'Its "body" must be a string.',
  );
  // A patch that is not an object replaces the whole note.
  expect(() => toNoteFields(mergePatch(note, ['x']), 'a')).toThrow('not an object');
});
