import { expect, test } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

test('a full bucket allows a burst of `capacity`, then refuses', () => {
  const bucket = new TokenBucket({ capacity: 3, perSecond: 1 }, 0);
  expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
  expect(bucket.waitMs(0)).toBe(1000);
});

test('it refills at `perSecond`, never above `capacity`', () => {
  const bucket = new TokenBucket({ capacity: 2, perSecond: 4 }, 0);
  bucket.take(0);
  bucket.take(0);
  expect(bucket.take(100)).toBe(false);
  // 250 ms at 4 a second is one token.
  expect(bucket.take(250)).toBe(true);
  expect(bucket.take(250)).toBe(false);
  // An hour later the bucket holds 2, not 14,400.
  const hour = 3_600_000;
  expect([1, 2, 3].map(() => bucket.take(hour))).toEqual([true, true, false]);
});

test('a steady rate at the limit is always allowed; above it is not', () => {
  const bucket = new TokenBucket({ capacity: 1, perSecond: 10 }, 0);
  const atLimit = Array.from({ length: 100 }, (_, i) => bucket.take(i * 100));
  expect(atLimit.every(Boolean)).toBe(true);
  const fast = new TokenBucket({ capacity: 5, perSecond: 10 }, 0);
  const above = Array.from({ length: 101 }, (_, i) => fast.take(i * 50));
  // Over 5 s: 5 at once, then 10 a second of the 20 asked for.
  expect(above.filter(Boolean)).toHaveLength(5 + 50);
});

test('a clock that steps back neither adds nor takes tokens', () => {
  const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 10_000);
  expect(bucket.take(10_000)).toBe(true);
  expect(bucket.take(5_000)).toBe(false);
  expect(bucket.take(10_999)).toBe(false);
  expect(bucket.take(11_000)).toBe(true);
});

test.each([
  [{ capacity: 0, perSecond: 1 }],
  [{ capacity: 1, perSecond: 0 }],
  [{ capacity: Number.NaN, perSecond: 1 }],
])('%o is refused', (options) => {
  expect(() => new TokenBucket(options, 0)).toThrow(RangeError);
});

test('tokens() says what the bucket holds, fractions included', () => {
  const bucket = new TokenBucket({ capacity: 2, perSecond: 4 }, 0);
  expect(bucket.tokens(0)).toBe(2);
  bucket.take(0);
  bucket.take(0);
  expect(bucket.tokens(0)).toBe(0);
  expect(bucket.tokens(125)).toBe(0.5);
  expect(bucket.tokens(10_000)).toBe(2);
});
