import { expect, test } from 'vitest';
import { PROBLEMS, Problem } from './problem.ts';

test('a problem document has the RFC 9457 members, and extensions', () => {
  const problem = new Problem('method-not-allowed', 'Use GET.', {
    headers: { allow: 'GET' },
    extensions: { allowed: ['GET'] },
  });
  expect(problem).toMatchObject({
    code: 'method-not-allowed',
    status: 405,
    headers: { allow: 'GET' },
  });
  expect(problem.document()).toEqual({
    type: '/rest/errors/#method-not-allowed',
    title: 'Method not allowed',
    status: 405,
    detail: 'Use GET.',
    allowed: ['GET'],
  });
});

test("every problem in the catalogue has its status: client errors, and the layer's two gateway errors", () => {
  const statuses = Object.fromEntries(
    Object.entries(PROBLEMS).map(([code, { status }]) => [code, status]),
  );
  expect(statuses).toEqual({
    'bad-path': 400,
    'bad-id': 400,
    'malformed-json': 400,
    'bad-limit': 400,
    'bad-cursor': 400,
    'bad-offset': 400,
    'bad-idempotency-key': 400,
    'missing-token': 401,
    'invalid-token': 401,
    'no-such-note': 404,
    'no-such-resource': 404,
    'method-not-allowed': 405,
    'not-acceptable': 406,
    'too-many-notes': 409,
    'idempotency-key-in-flight': 409,
    'precondition-failed': 412,
    'body-too-large': 413,
    'url-too-long': 414,
    'unsupported-media-type': 415,
    'invalid-note': 422,
    'idempotency-key-reused': 422,
    'precondition-required': 428,
    'too-many-requests': 429,
    // RFC 9110: 502 is an invalid answer (15.6.3), 504 none in time (15.6.5).
    'origin-unreachable': 502,
    'origin-timeout': 504,
  });
});
