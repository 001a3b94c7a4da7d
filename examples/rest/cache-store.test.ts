import { describe, expect, test } from 'vitest';
import { CacheStore, type Entry, isFresh, renewed, storableFor, varyOf } from './cache-store.ts';

describe('storableFor: what a shared cache may keep, for how long', () => {
  test.each([
    ['max-age=0, s-maxage=60', true, 60_000],
    ['s-maxage=5, max-age=100', false, 5_000],
    ['max-age=30', false, 30_000],
    ['public, max-age=30', true, 30_000],
    ['public, no-cache', true, 0],
    ['must-revalidate, max-age=10', true, 10_000],
    ['no-cache', false, 0],
    [undefined, false, 0],
    ['max-age=abc', false, 0],
    // A response to a request with credentials needs the origin's leave.
    ['max-age=30', true, null],
    ['no-cache', true, null],
    ['no-store', false, null],
    ['private, max-age=30', false, null],
    ['s-maxage=60, no-store', true, null],
  ] as const)('Cache-Control: %s (authorized: %s) → %s', (cacheControl, authorized, lifetime) => {
    const headers = new Headers({ etag: '"a"' });
    if (cacheControl) headers.set('cache-control', cacheControl);
    expect(storableFor(headers, authorized)).toBe(lifetime);
  });

  test('without a validator, or with Vary: *, nothing is stored', () => {
    expect(storableFor(new Headers({ 'cache-control': 'max-age=60' }), false)).toBeNull();
    expect(
      storableFor(new Headers({ 'cache-control': 'max-age=60', etag: '"a"', vary: '*' }), false),
    ).toBeNull();
  });
});

const entry = (body: string, lifetime = 60_000, storedAt = 0): Entry => ({
  headers: { etag: '"a"', 'cache-control': 's-maxage=60', vary: 'accept' },
  body: new TextEncoder().encode(body),
  etag: '"a"',
  storedAt,
  lifetime,
});
const headers = (values: Record<string, string>) => (name: string) => values[name];

test('fresh until its lifetime has passed; a 304 renews it', () => {
  const stored = entry('x', 60_000, 1_000);
  expect(isFresh(stored, 60_999)).toBe(true);
  expect(isFresh(stored, 61_000)).toBe(false);
  // RFC 9111, 3.2: the 304's fields replace the stored ones, and
  // fields the stored response lacked are added.
  const again = renewed(
    stored,
    { etag: '"a"', 'cache-control': 's-maxage=10', 'x-revision': '7' },
    70_000,
  );
  expect(again).toMatchObject({ storedAt: 70_000, lifetime: 10_000, body: stored.body });
  expect(again.headers).toEqual({
    etag: '"a"',
    'cache-control': 's-maxage=10',
    vary: 'accept',
    'x-revision': '7',
  });
  expect(varyOf(' Accept, AUTHORIZATION ,')).toEqual(['accept', 'authorization']);
});

describe('CacheStore', () => {
  test('keeps one entry per combination of the headers Vary names', () => {
    const store = new CacheStore(10_000);
    const vary = ['accept', 'authorization'];
    store.put(
      '/n',
      vary,
      headers({ accept: 'text/html', authorization: 'Bearer a' }),
      entry('a html'),
    );
    store.put(
      '/n',
      vary,
      headers({ accept: 'text/html', authorization: 'Bearer b' }),
      entry('b html'),
    );
    const text = (values: Record<string, string>) => {
      const found = store.get('/n', headers(values));
      return found && new TextDecoder().decode(found.body);
    };
    expect(text({ accept: 'text/html', authorization: 'Bearer a' })).toBe('a html');
    expect(text({ accept: 'text/html', authorization: 'Bearer b' })).toBe('b html');
    expect(text({ accept: 'text/plain', authorization: 'Bearer a' })).toBeUndefined();
    expect(text({ accept: 'text/html' })).toBeUndefined();
    expect(store.get('/other', headers({}))).toBeUndefined();
  });

  test('invalidating a path drops every entry stored for it', () => {
    const store = new CacheStore(10_000);
    store.put('/n', ['accept'], headers({ accept: 'a' }), entry('1'));
    store.put('/n', ['accept'], headers({ accept: 'b' }), entry('2'));
    store.put('/m', ['accept'], headers({ accept: 'a' }), entry('3'));
    store.invalidate('/n');
    expect(store.get('/n', headers({ accept: 'a' }))).toBeUndefined();
    expect(store.get('/n', headers({ accept: 'b' }))).toBeUndefined();
    expect(store.get('/m', headers({ accept: 'a' }))).toEqual({ ...entry('3'), path: '/m' });
  });

  test('stays within its bytes, dropping the least recently used first', () => {
    const store = new CacheStore(400);
    const size = (() => {
      const probe = new CacheStore(10_000);
      probe.put('/1', [], headers({}), entry('x'.repeat(100)));
      return probe.bytes;
    })();
    // Its key '["/1"]' (6), its headers joined (46) and its body (100).
    expect(size).toBe(152);
    store.put('/1', [], headers({}), entry('x'.repeat(100)));
    store.put('/2', [], headers({}), entry('x'.repeat(100)));
    store.get('/1', headers({})); // /1 is now the more recent
    store.put('/3', [], headers({}), entry('x'.repeat(100)));
    expect(store.bytes).toBe(2 * size);
    expect(store.get('/2', headers({}))).toBeUndefined();
    for (const path of ['/1', '/3']) {
      expect(store.get(path, headers({}))).toEqual({ ...entry('x'.repeat(100)), path });
    }
    // One entry larger than the whole store is not kept at all.
    store.put('/big', [], headers({}), entry('x'.repeat(1000)));
    expect(store.get('/big', headers({}))).toBeUndefined();
    expect(store.bytes).toBe(2 * size);
  });

  test('replacing an entry does not count it twice', () => {
    const store = new CacheStore(10_000);
    store.put('/1', [], headers({}), entry('abc'));
    const once = store.bytes;
    store.put('/1', [], headers({}), entry('abc'));
    expect(store.bytes).toBe(once);
    store.invalidate('/1');
    expect(store.bytes).toBe(0);
  });
});
