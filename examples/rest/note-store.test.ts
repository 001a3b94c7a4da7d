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

test('a walk from a position meets every note that stays, whatever is added or removed', () => {
  const notes = new NoteStore({ maxTokens: 1, maxNotesPerToken: 25 }).scope('t');
  for (let n = 0; n < 6; n++) notes.create(fields);
  const first = notes.after(0, 4);
  expect(first.notes.map((n) => n.id)).toEqual(['1', '2', '3', '4']);
  expect(first).toMatchObject({ last: 4, more: true });
  notes.delete('2');
  notes.delete('4');
  notes.put('x', fields);
  notes.put('5', { title: 'changed', body: '' });
  const second = notes.after(first.last!, 4);
  expect(second.notes.map((n) => n.id)).toEqual(['5', '6', 'x']);
  expect(second).toMatchObject({ last: 7, more: false });
  expect(notes.after(7, 4)).toEqual({ notes: [], last: undefined, more: false });
  expect(notes.at(1, 2).notes.map((n) => n.id)).toEqual(['3', '5']);
  expect(notes.at(3, 2)).toMatchObject({ more: false });
});

test('each note knows when it last changed, from the clock the store is given', () => {
  let clock = 1_000;
  const notes = new NoteStore({ maxTokens: 1, maxNotesPerToken: 5 }, () => clock).scope('t');
  notes.put('a', fields);
  expect(notes.modifiedAt('a')).toBe(1_000);
  clock = 5_000;
  notes.put('a', { title: 'Eggs', body: '' });
  expect(notes.modifiedAt('a')).toBe(5_000);
  expect(notes.modifiedAt('none')).toBeUndefined();
});
