import { describe, expect, test } from 'vitest';
import {
  checkPreconditions,
  entityTag,
  evaluatePreconditions,
  parseEntityTags,
} from './conditional.ts';
import { Problem } from './problem.ts';

test('an entity tag is a quoted hash of the bytes: equal bytes, equal tags', () => {
  // The first 16 base64url characters of SHA-256, worked out apart from
  // entityTag with `printf %s '{"id":"1"}' | openssl dgst -sha256
  // -binary | base64 | tr '+/' '-_' | cut -c1-16`.
  expect(entityTag('{"id":"1"}')).toBe('"WBGWf1QNMA0kmrMK"');
  expect(entityTag('{"id":"2"}')).toBe('"aq5k3jfHgB7XuMac"');
  expect(entityTag('')).toBe('"47DEQpj8HBSa-_TI"');
});

test('entity tag lists parse, weak and strong; "*" is any', () => {
  expect(parseEntityTags('"a", W/"b" ,"c"')).toEqual([
    { weak: false, opaque: '"a"' },
    { weak: true, opaque: '"b"' },
    { weak: false, opaque: '"c"' },
  ]);
  expect(parseEntityTags(' * ')).toBe('*');
  // A list is read up to the first thing that is not a tag.
  expect(parseEntityTags('"a", b, "c"')).toEqual([{ weak: false, opaque: '"a"' }]);
  expect(parseEntityTags('unquoted')).toEqual([]);
});

describe('evaluatePreconditions (RFC 9110, 13.2.2)', () => {
  const now = ['"v2"'];
  test.each([
    ['GET', {}, now, 'proceed'],
    ['GET', { 'if-none-match': '"v2"' }, now, 'not-modified'],
    ['HEAD', { 'if-none-match': 'W/"v2"' }, now, 'not-modified'],
    ['GET', { 'if-none-match': '"v1", "v2"' }, now, 'not-modified'],
    ['GET', { 'if-none-match': '"v1"' }, now, 'proceed'],
    ['GET', { 'if-none-match': '*' }, now, 'not-modified'],
    ['PUT', { 'if-none-match': '*' }, now, 'if-none-match-failed'],
    ['PUT', { 'if-none-match': '*' }, null, 'proceed'],
    ['PUT', { 'if-match': '"v2"' }, now, 'proceed'],
    ['PUT', { 'if-match': '"v1"' }, now, 'if-match-failed'],
    // If-Match compares strongly: a weak tag never matches.
    ['PUT', { 'if-match': 'W/"v2"' }, now, 'if-match-failed'],
    ['PUT', { 'if-match': '*' }, now, 'proceed'],
    ['PUT', { 'if-match': '*' }, null, 'if-match-failed'],
    ['PUT', { 'if-match': '"v2"' }, null, 'if-match-failed'],
    ['PUT', { 'if-match': 'nonsense' }, now, 'if-match-failed'],
    // If-Match is evaluated first.
    ['GET', { 'if-match': '"v1"', 'if-none-match': '"v2"' }, now, 'if-match-failed'],
    ['DELETE', { 'if-match': '"v2"', 'if-none-match': '"v2"' }, now, 'if-none-match-failed'],
  ] as const)('%s with %o → %s', (method, headers, current, verdict) => {
    expect(evaluatePreconditions(method, headers, current === null ? null : [...current])).toBe(
      verdict,
    );
  });

  test('a failed precondition is thrown as a 412 that says what to do', () => {
    const stale = () => checkPreconditions('PUT', { 'if-match': '"v1"' }, ['"v2"']);
    expect(stale).toThrow(Problem);
    expect(stale).toThrow(/GET it again for its new ETag/);
    expect(() => checkPreconditions('PUT', { 'if-match': '"v1"' }, null)).toThrow(
      /there is no note here/,
    );
    expect(() => checkPreconditions('PUT', { 'if-none-match': '*' }, ['"v2"'])).toThrow(
      /only if it did not/,
    );
    expect(checkPreconditions('GET', { 'if-none-match': '"v2"' }, ['"v2"'])).toBe('not-modified');
  });
});
