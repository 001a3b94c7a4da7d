import { expect, test } from 'vitest';
import { eachStore, type WsStateStore } from '../../tests/support/ws-state-stores.ts';

/** A book on a clock the test moves. */
function bookAt(store: WsStateStore, max = 3, lifetimeMs = 30_000) {
  const clock = { now: 0 };
  const book = store.secretBook({ max, lifetimeMs, now: () => clock.now });
  return { book, clock };
}

eachStore((store) => {
  test('a secret is 32 random bytes in base64url, new every time', async () => {
    const { book } = bookAt(store, 1_000);
    const secrets = await Promise.all(
      Array.from({ length: 100 }, async () => (await book.issue('ada'))!),
    );
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(100);
  });

  test('find() names who it was given to, as often as asked, until it expires', async () => {
    const { book, clock } = bookAt(store);
    const secret = (await book.issue('token …abcd'))!;
    expect(await book.find(secret)).toEqual({ ok: true, who: 'token …abcd' });
    clock.now = 29_999;
    expect(await book.find(secret)).toEqual({ ok: true, who: 'token …abcd' });
    clock.now = 30_000;
    expect(await book.find(secret)).toEqual({ ok: false, why: 'expired' });
  });

  test('take() works once: then the secret is used', async () => {
    const { book } = bookAt(store);
    const secret = (await book.issue('ada'))!;
    expect(await book.take(secret)).toEqual({ ok: true, who: 'ada' });
    expect(await book.take(secret)).toEqual({ ok: false, why: 'used' });
    expect(await book.find(secret)).toEqual({ ok: false, why: 'used' });
  });

  test('a secret never issued, or one character off, is unknown', async () => {
    const { book } = bookAt(store);
    const secret = (await book.issue('ada'))!;
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    expect(await book.find(secret.slice(0, -1) + last)).toEqual({ ok: false, why: 'unknown' });
    expect(await book.take('')).toEqual({ ok: false, why: 'unknown' });
  });

  test('used and expired secrets are remembered for one more lifetime, then unknown', async () => {
    const { book, clock } = bookAt(store);
    const used = (await book.issue('ada'))!;
    await book.take(used);
    const expired = (await book.issue('bob'))!;
    clock.now = 59_999;
    expect(await book.find(used)).toEqual({ ok: false, why: 'used' });
    expect(await book.find(expired)).toEqual({ ok: false, why: 'expired' });
    expect(await book.count()).toBe(2);
    clock.now = 60_000;
    expect(await book.count()).toBe(0);
    expect(await book.find(used)).toEqual({ ok: false, why: 'unknown' });
    expect(await book.find(expired)).toEqual({ ok: false, why: 'unknown' });
  });

  test('at most `max` entries; used ones make room, valid ones do not until they expire', async () => {
    const { book, clock } = bookAt(store, 2);
    const first = (await book.issue('ada'))!;
    clock.now = 10_000;
    const second = (await book.issue('bob'))!;
    expect(await book.issue('eve')).toBeNull();
    // The first expires at 30 s.
    expect(await book.secondsUntilRoom()).toBe(20);
    await book.take(first);
    clock.now = 20_000;
    const third = (await book.issue('eve'))!;
    expect(third).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await book.count()).toBe(2);
    // Its place taken, the used ticket is no longer remembered.
    expect(await book.find(first)).toEqual({ ok: false, why: 'unknown' });
    expect(await book.issue('mallory')).toBeNull();
    clock.now = 39_999;
    expect(await book.secondsUntilRoom()).toBe(1);
    expect(await book.issue('mallory')).toBeNull();
    // At 40 s the second expires, and its place is free.
    clock.now = 40_000;
    expect(await book.issue('mallory')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await book.find(second)).toEqual({ ok: false, why: 'unknown' });
    expect(await book.find(third)).toEqual({ ok: true, who: 'eve' });
  });

  test('an hour of one ticket a second in a book of 60 never refuses and never grows past it', async () => {
    const { book, clock } = bookAt(store, 60);
    for (let second = 0; second < 3_600; second++) {
      clock.now = second * 1000;
      const ticket = await book.issue(`reader ${second}`);
      expect(ticket).not.toBeNull();
      expect(await book.take(ticket!)).toEqual({ ok: true, who: `reader ${second}` });
      expect(await book.count()).toBeLessThanOrEqual(60);
    }
  });

  test('two takes of one secret at once: one wins, the other hears "used"', async () => {
    const { book } = bookAt(store);
    const secret = (await book.issue('ada'))!;
    const found = await Promise.all([book.take(secret), book.take(secret)]);
    expect(found).toContainEqual({ ok: true, who: 'ada' });
    expect(found).toContainEqual({ ok: false, why: 'used' });
  });
});
