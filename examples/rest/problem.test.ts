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

test("every problem in the catalogue is a client error, or one of the layer's two gateway errors", () => {
  const gateway = ['origin-unreachable', 'origin-timeout'];
  for (const [code, { status }] of Object.entries(PROBLEMS)) {
    expect((status >= 400 && status < 500) || gateway.includes(code), code).toBe(true);
  }
  // RFC 9110: 502 is an invalid answer (15.6.3), 504 none in time (15.6.5).
  expect(PROBLEMS['origin-unreachable'].status).toBe(502);
  expect(PROBLEMS['origin-timeout'].status).toBe(504);
});
