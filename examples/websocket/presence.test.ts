import { expect, test } from 'vitest';
import { decodeReport, encodeReport, PresenceTally } from './presence.ts';

test('the total is the sum of the latest report from each instance', () => {
  const tally = new PresenceTally(3_000);
  expect(tally.record({ instance: 'a', readers: 2 }, 0)).toBe(2);
  expect(tally.record({ instance: 'b', readers: 5 }, 10)).toBe(7);
  // A newer report replaces the older one; it does not add to it.
  expect(tally.record({ instance: 'a', readers: 3 }, 20)).toBe(8);
  // The same report twice changes nothing.
  expect(tally.record({ instance: 'a', readers: 3 }, 30)).toBe(8);
});

test('an instance that falls silent is forgotten after expireMs', () => {
  const tally = new PresenceTally(3_000);
  tally.record({ instance: 'a', readers: 2 }, 0);
  tally.record({ instance: 'b', readers: 1 }, 0);
  tally.record({ instance: 'a', readers: 2 }, 2_500);
  expect(tally.total(3_000)).toBe(3);
  expect(tally.total(3_001)).toBe(2);
  expect(tally.total(5_501)).toBe(0);
});

test('an instance reporting zero is dropped at once', () => {
  const tally = new PresenceTally(3_000);
  tally.record({ instance: 'a', readers: 4 }, 0);
  expect(tally.record({ instance: 'a', readers: 0 }, 1)).toBe(0);
});

test('reports travel as JSON, and malformed ones are ignored', () => {
  const report = { instance: 'host-1', readers: 3 };
  expect(decodeReport(encodeReport(report))).toEqual(report);
  for (const bad of [
    'not json',
    'null',
    '[]',
    '{"instance":"","readers":1}',
    '{"instance":"a","readers":-1}',
    '{"instance":"a","readers":1.5}',
    '{"instance":"a","readers":"1"}',
    '{"readers":1}',
  ]) {
    expect(decodeReport(bad), bad).toBeNull();
  }
});
