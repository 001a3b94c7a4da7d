import { expect, test } from 'vitest';
import { SecretBook } from './secret-book.ts';

/** A book on a clock the test moves. */
function bookAt(max = 3, lifetimeMs = 30_000) {
  const clock = { now: 0 };
  const book = new SecretBook({ max, lifetimeMs, now: () => clock.now });
  return { book, clock };
}

test('a secret is 32 random bytes in base64url, new every time', () => {
  const { book } = bookAt(1_000);
  const secrets = Array.from({ length: 100 }, () => book.issue('ada')!);
  for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(new Set(secrets).size).toBe(100);
});

test('find() names who it was given to, as often as asked, until it expires', () => {
  const { book, clock } = bookAt();
  const secret = book.issue('token …abcd')!;
  expect(book.find(secret)).toEqual({ ok: true, who: 'token …abcd' });
  clock.now = 29_999;
  expect(book.find(secret)).toEqual({ ok: true, who: 'token …abcd' });
  clock.now = 30_000;
  expect(book.find(secret)).toEqual({ ok: false, why: 'expired' });
});

test('take() works once: then the secret is used', () => {
  const { book } = bookAt();
  const secret = book.issue('ada')!;
  expect(book.take(secret)).toEqual({ ok: true, who: 'ada' });
  expect(book.take(secret)).toEqual({ ok: false, why: 'used' });
  expect(book.find(secret)).toEqual({ ok: false, why: 'used' });
});

test('a secret never issued, or one character off, is unknown', () => {
  const { book } = bookAt();
  const secret = book.issue('ada')!;
  const last = secret.at(-1) === 'A' ? 'B' : 'A';
  expect(book.find(secret.slice(0, -1) + last)).toEqual({ ok: false, why: 'unknown' });
  expect(book.take('')).toEqual({ ok: false, why: 'unknown' });
});

test('used and expired secrets are remembered for one more lifetime, then unknown', () => {
  const { book, clock } = bookAt();
  const used = book.issue('ada')!;
  book.take(used);
  const expired = book.issue('bob')!;
  clock.now = 59_999;
  expect(book.find(used)).toEqual({ ok: false, why: 'used' });
  expect(book.find(expired)).toEqual({ ok: false, why: 'expired' });
  expect(book.size).toBe(2);
  clock.now = 60_000;
  expect(book.size).toBe(0);
  expect(book.find(used)).toEqual({ ok: false, why: 'unknown' });
  expect(book.find(expired)).toEqual({ ok: false, why: 'unknown' });
});

test('at most `max` entries; used ones make room, valid ones do not until they expire', () => {
  const { book, clock } = bookAt(2);
  const first = book.issue('ada')!;
  clock.now = 10_000;
  const second = book.issue('bob')!;
  expect(book.issue('eve')).toBeNull();
  // The first expires at 30 s.
  expect(book.secondsUntilRoom()).toBe(20);
  book.take(first);
  clock.now = 20_000;
  const third = book.issue('eve')!;
  expect(third).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(book.size).toBe(2);
  // Its place taken, the used ticket is no longer remembered.
  expect(book.find(first)).toEqual({ ok: false, why: 'unknown' });
  expect(book.issue('mallory')).toBeNull();
  clock.now = 39_999;
  expect(book.secondsUntilRoom()).toBe(1);
  expect(book.issue('mallory')).toBeNull();
  // At 40 s the second expires, and its place is free.
  clock.now = 40_000;
  expect(book.issue('mallory')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(book.find(second)).toEqual({ ok: false, why: 'unknown' });
  expect(book.find(third)).toEqual({ ok: true, who: 'eve' });
});

test('an hour of one ticket a second in a book of 60 never refuses and never grows past it', () => {
  const { book, clock } = bookAt(60);
  for (let second = 0; second < 3_600; second++) {
    clock.now = second * 1000;
    const ticket = book.issue(`reader ${second}`);
    expect(ticket).not.toBeNull();
    expect(book.take(ticket!)).toEqual({ ok: true, who: `reader ${second}` });
    expect(book.size).toBeLessThanOrEqual(60);
  }
});
