import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { idleTimer } from './idle-timer.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('closes a connection over which nothing passed, with 1000 and why', () => {
  const closes: [number, string][] = [];
  idleTimer(1_000, (code, reason) => closes.push([code, reason]), Date.now);
  vi.advanceTimersByTime(999);
  expect(closes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(closes).toEqual([[1000, 'idle for 1 s']]);
});

test('every touch puts the timeout off; only the quiet after the last one counts', () => {
  const closes: [number, string][] = [];
  const idle = idleTimer(1_000, (code, reason) => closes.push([code, reason]), Date.now);
  // Ten minutes of a message every 900 ms.
  for (let i = 0; i < 666; i++) {
    vi.advanceTimersByTime(900);
    idle.touch();
  }
  expect(closes).toEqual([]);
  vi.advanceTimersByTime(1_000);
  expect(closes).toHaveLength(1);
});

test('stop() leaves no timer behind', () => {
  const close = vi.fn();
  const idle = idleTimer(1_000, close, Date.now);
  idle.stop();
  expect(vi.getTimerCount()).toBe(0);
  vi.advanceTimersByTime(5_000);
  expect(close).not.toHaveBeenCalled();
});
