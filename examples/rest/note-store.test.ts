import { expect, test } from 'vitest';
import { forEachNoteStore } from '../../tests/support/rest-stores.ts';
import { Problem } from './problem.ts';

const fields = { title: 'Milk', body: '' };

// The lesson's store answers at once, the playground's Redis one with
// promises: every call is awaited, and both must answer the same.
forEachNoteStore((make) => {
  test('POST numbers notes from 1, skipping ids a PUT already took', async () => {
    const { store } = await make({ maxTokens: 10, maxNotesPerToken: 10 });
    const notes = await store.scope('t');
    expect((await notes.create(fields)).id).toBe('1');
    expect(await notes.put('3', fields)).toBe(true);
    expect((await notes.create(fields)).id).toBe('2');
    expect((await notes.create(fields)).id).toBe('4');
    expect((await notes.list()).map((n) => n.id)).toEqual(['1', '3', '2', '4']);
  });

  test('PUT says whether it created; DELETE whether there was a note', async () => {
    const { store } = await make({ maxTokens: 10, maxNotesPerToken: 10 });
    const notes = await store.scope('t');
    expect(await notes.put('a', fields)).toBe(true);
    expect(await notes.put('a', { title: 'Eggs', body: 'six' })).toBe(false);
    expect(await notes.get('a')).toEqual({ id: 'a', title: 'Eggs', body: 'six' });
    expect(await notes.delete('a')).toBe(true);
    expect(await notes.delete('a')).toBe(false);
    expect(await notes.get('a')).toBeUndefined();
  });

  test('a token is refused a note over its limit with 409, and replacing still works', async () => {
    const { store } = await make({ maxTokens: 10, maxNotesPerToken: 2 });
    const notes = await store.scope('t');
    await notes.create(fields);
    await notes.put('b', fields);
    const more = [() => notes.create(fields), () => notes.put('c', fields)];
    for (const attempt of more) {
      const refused = await Promise.resolve()
        .then((): unknown => attempt())
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Problem);
      expect(refused).toMatchObject({ code: 'too-many-notes', status: 409 });
      expect((refused as Problem).message).toMatch(/DELETE a note before adding another/);
    }
    expect(await notes.put('b', { title: 'new', body: '' })).toBe(false);
    await notes.delete('1');
    expect((await notes.create(fields)).id).toBe('2');
  });

  test('tokens are kept apart', async () => {
    const { store } = await make({ maxTokens: 10, maxNotesPerToken: 10 });
    await (await store.scope('ada')).put('diary', fields);
    expect(await (await store.scope('grace')).get('diary')).toBeUndefined();
    expect(await (await store.scope('ada')).get('diary')).toEqual({ id: 'diary', ...fields });
  });

  test('beyond maxTokens the least recently used token is forgotten', async () => {
    const { store, tokens } = await make({ maxTokens: 2, maxNotesPerToken: 10 });
    await (await store.scope('a')).put('x', fields);
    await (await store.scope('b')).put('x', fields);
    await store.scope('a'); // a is now more recent than b
    await (await store.scope('c')).put('x', fields);
    expect(await tokens()).toBe(2);
    expect(await (await store.scope('a')).get('x')).toEqual({ id: 'x', ...fields });
    expect(await (await store.scope('b')).get('x')).toBeUndefined();
  });

  test('a walk from a position meets every note that stays, whatever is added or removed', async () => {
    const { store } = await make({ maxTokens: 1, maxNotesPerToken: 25 });
    const notes = await store.scope('t');
    for (let n = 0; n < 6; n++) await notes.create(fields);
    const first = await notes.after(0, 4);
    expect(first.notes.map((n) => n.id)).toEqual(['1', '2', '3', '4']);
    expect(first).toMatchObject({ last: 4, more: true });
    await notes.delete('2');
    await notes.delete('4');
    await notes.put('x', fields);
    await notes.put('5', { title: 'changed', body: '' });
    const second = await notes.after(first.last!, 4);
    expect(second.notes.map((n) => n.id)).toEqual(['5', '6', 'x']);
    expect(second).toMatchObject({ last: 7, more: false });
    expect(await notes.after(7, 4)).toEqual({ notes: [], last: undefined, more: false });
    expect((await notes.at(1, 2)).notes.map((n) => n.id)).toEqual(['3', '5']);
    expect(await notes.at(3, 2)).toMatchObject({ more: false });
  });

  test('each note knows when it last changed, from the clock the store is given', async () => {
    let clock = 1_000;
    const { store } = await make({ maxTokens: 1, maxNotesPerToken: 5 }, () => clock);
    const notes = await store.scope('t');
    await notes.put('a', fields);
    expect(await notes.modifiedAt('a')).toBe(1_000);
    clock = 5_000;
    await notes.put('a', { title: 'Eggs', body: '' });
    expect(await notes.modifiedAt('a')).toBe(5_000);
    expect(await notes.modifiedAt('none')).toBeUndefined();
  });
});
