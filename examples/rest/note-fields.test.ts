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
  [{ title: 'x'.repeat(201), body: '' }, 'Its "title" has 201 characters'],
  [
    { title: 'Milk', body: '', colour: 'red' },
    'It has a member "colour", which notes do not have.',
  ],
  [{ id: 'b', title: 'Milk', body: '' }, 'Its id "b" is not the "a" in the URL.'],
  [{ title: 'bell\u0007', body: '' }, 'Its "title" contains control characters'],
  [
    { title: 'Milk', body: 'half \ud800 a pair' },
    'Its "body" contains control characters or broken Unicode',
  ],
])('%j is refused with 422: %s', (value, detail) => {
  try {
    toNoteFields(value, 'a');
    expect.unreachable();
  } catch (error) {
    expect(error).toMatchObject({ code: 'invalid-note', status: 422 });
    expect((error as Problem).message).toContain(detail);
    expect((error as Problem).message).toContain('A note is an object like');
  }
});

test('a merge patch replaces members and removes the ones set to null', () => {
  const note = { id: 'a', title: 'Milk', body: 'Two' };
  expect(mergePatch(note, { body: 'Three' })).toEqual({ id: 'a', title: 'Milk', body: 'Three' });
  expect(mergePatch(note, {})).toEqual(note);
  expect(mergePatch(note, { body: null })).toEqual({ id: 'a', title: 'Milk' });
  expect(() => toNoteFields(mergePatch(note, { body: null }), 'a')).toThrow(
    'Its "body" must be a string.',
  );
  expect(() => mergePatch(note, [1])).toThrow('A merge patch is an object');
  expect(() => mergePatch(note, 'x')).toThrow('A merge patch is an object');
});
