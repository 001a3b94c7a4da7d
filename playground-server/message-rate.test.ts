import { expect, test } from 'vitest';
import { messageRate } from './message-rate.ts';

test('a burst, then the sustained rate, passes; one more closes the connection once', () => {
  let time = 0;
  const closes: [number, string][] = [];
  const allowed = messageRate(
    { wsMessageBurst: 5, wsMessagesPerSecond: 2 },
    (code, reason) => closes.push([code, reason]),
    () => time,
  );
  for (let i = 0; i < 5; i++) expect(allowed()).toBe(true);
  // Two seconds at two a second buys four more messages.
  time += 2_000;
  for (let i = 0; i < 4; i++) expect(allowed()).toBe(true);
  expect(allowed()).toBe(false);
  expect(closes).toEqual([[1008, 'too many messages: at most 2 a second']]);
  // Closed is closed: later messages, even after a refill, are refused
  // without a second close.
  time += 60_000;
  expect(allowed()).toBe(false);
  expect(closes).toHaveLength(1);
});

test('an hour at exactly the sustained rate is never closed', () => {
  let time = 0;
  let closed = false;
  const allowed = messageRate(
    { wsMessageBurst: 1, wsMessagesPerSecond: 10 },
    () => {
      closed = true;
    },
    () => time,
  );
  for (; time < 3_600_000; time += 100) expect(allowed()).toBe(true);
  expect(closed).toBe(false);
});
