import { expect, test } from 'vitest';
import { turnClock } from './turn-clock.ts';

test('gives one reading for a whole turn of the event loop, a fresh one in the next', async () => {
  const first = turnClock();
  const busyUntil = performance.now() + 5;
  while (performance.now() < busyUntil);
  expect(turnClock()).toBe(first);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 2));
  expect(turnClock()).toBeGreaterThanOrEqual(first + 5);
});
