import { expect, test } from 'vitest';
import { NoteStore } from './note-store.ts';
import { Problem } from './problem.ts';

const fields = { title: 'Milk', body: '' };

test('POST numbers notes from 1, skipping ids a PUT already took', () => {
  const notes = new NoteStore({ maxTokens: 10, maxNotesPerToken: 10 }).scope('t');
  expect(notes.create(fields).id).toBe('1');
  expect(notes.put('3', fields)).toBe(true);
  expect(notes.create(fields).id).toBe('2');
  expect(notes.create(fields).id).toBe('4');
  expect(notes.list().map((n) => n.id)).toEqual(['1', '3', '2', '4']);
});

test('PUT says whether it created; DELETE whether there was a note', () => {
  const notes = new NoteStore({ maxTokens: 10, maxNotesPerToken: 10 }).scope('t');
  expect(notes.put('a', fields)).toBe(true);
  expect(notes.put('a', { title: 'Eggs', body: 'six' })).toBe(false);
  expect(notes.get('a')).toEqual({ id: 'a', title: 'Eggs', body: 'six' });
  expect(notes.delete('a')).toBe(true);
  expect(notes.delete('a')).toBe(false);
  expect(notes.get('a')).toBeUndefined();
});

test('a token is refused a note over its limit with 409, and replacing still works', () => {
  const notes = new NoteStore({ maxTokens: 10, maxNotesPerToken: 2 }).scope('t');
  notes.create(fields);
  notes.put('b', fields);
  const more = [() => notes.create(fields), () => notes.put('c', fields)];
  for (const attempt of more) {
    expect(attempt).toThrow(Problem);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'too-many-notes', status: 409 });
      expect((error as Problem).message).toMatch(/DELETE a note before adding another/);
    }
  }
  expect(notes.put('b', { title: 'new', body: '' })).toBe(false);
  notes.delete('1');
  expect(notes.create(fields).id).toBe('2');
});

test('tokens are kept apart', () => {
  const store = new NoteStore({ maxTokens: 10, maxNotesPerToken: 10 });
  store.scope('ada').put('diary', fields);
  expect(store.scope('grace').get('diary')).toBeUndefined();
  expect(store.scope('ada').get('diary')).toEqual({ id: 'diary', ...fields });
});

test('beyond maxTokens the least recently used token is forgotten', () => {
  const store = new NoteStore({ maxTokens: 2, maxNotesPerToken: 10 });
  store.scope('a').put('x', fields);
  store.scope('b').put('x', fields);
  store.scope('a'); // a is now more recent than b
  store.scope('c').put('x', fields);
  expect(store.size).toBe(2);
  expect(store.scope('a').get('x')).toEqual({ id: 'x', ...fields });
  expect(store.scope('b').get('x')).toBeUndefined();
});
