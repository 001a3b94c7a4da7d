import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatHttpDate, parseHttpDate } from './http-date.ts';

const sunday = Date.UTC(1994, 10, 6, 8, 49, 37);

test("RFC 9110's three forms of one date all read as it", () => {
  expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(sunday);
  expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(sunday);
  expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(sunday);
  expect(formatHttpDate(sunday)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
});

test('a two-digit year more than 50 years ahead is in the past century', () => {
  const in2026 = Date.UTC(2026, 0, 1);
  expect(parseHttpDate('Monday, 01-Jan-76 00:00:00 GMT', in2026)).toBe(Date.UTC(2076, 0, 1));
  expect(parseHttpDate('Friday, 01-Jan-77 00:00:00 GMT', in2026)).toBe(Date.UTC(1977, 0, 1));
});

test.each([
  'Sun, 06 Nov 1994 08:49:37 UTC',
  'Sun, 6 Nov 1994 08:49:37 GMT',
  'sun, 06 nov 1994 08:49:37 GMT',
  'Sun, 31 Feb 1994 08:49:37 GMT',
  'Sun, 06 Nov 1994 24:00:00 GMT',
  'Sun, 06 Nov 1994 08:60:37 GMT',
  '1994-11-06T08:49:37Z',
  '784111777',
  'Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT',
  '',
])('%j is not an HTTP date', (value) => {
  expect(parseHttpDate(value)).toBeUndefined();
});

test('every whole second reads back as itself', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (seconds) => {
      expect(parseHttpDate(formatHttpDate(seconds * 1000))).toBe(seconds * 1000);
    }),
  );
});
