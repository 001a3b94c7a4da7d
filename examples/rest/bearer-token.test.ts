import { expect, test } from 'vitest';
import { bearerToken } from './bearer-token.ts';
import type { Problem } from './problem.ts';

const uuid = '0b6e8f7e-3f39-4d2c-9f7a-52c2a3c1d0aa';

test.each([
  [`Bearer ${uuid}`, uuid],
  [`bearer ${uuid}`, uuid],
  [`  BEARER   ${uuid}  `, uuid],
  ['Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
  ['Bearer a.b~c+d/e_f-g1234567==', 'a.b~c+d/e_f-g1234567=='],
])('%j carries the token', (header, token) => {
  expect(bearerToken(header)).toBe(token);
});

/** The problem a header gets, with the challenge it carries. */
function refusal(header: string | undefined) {
  try {
    bearerToken(header);
  } catch (error) {
    const problem = error as Problem;
    return [problem.code, problem.status, problem.headers['www-authenticate'], problem.message];
  }
  throw new Error('accepted');
}

test.each([
  [undefined, 'missing-token', 'Bearer realm="notes"', 'this request sent none'],
  // A UUID has hyphens: the detail must not say "letters and digits".
  [undefined, 'missing-token', 'Bearer realm="notes"', '16 to 128 letters, digits or "-._~+/"'],
  ['', 'missing-token', 'Bearer realm="notes"', 'this request sent none'],
  ['Basic dXNlcjpwYXNz', 'missing-token', 'Bearer realm="notes"', 'sent a Basic credential'],
  ['Bearer', 'invalid-token', 'Bearer realm="notes", error="invalid_token"', '16 to 128'],
  ['Bearer short', 'invalid-token', 'Bearer realm="notes", error="invalid_token"', '16 to 128'],
  [
    `Bearer ${'x'.repeat(129)}`,
    'invalid-token',
    'Bearer realm="notes", error="invalid_token"',
    '16 to 128',
  ],
  [
    `Bearer ${uuid} extra`,
    'invalid-token',
    'Bearer realm="notes", error="invalid_token"',
    '16 to 128',
  ],
  [
    'Bearer <script>alert(1)</script>',
    'invalid-token',
    'Bearer realm="notes", error="invalid_token"',
    '16 to 128',
  ],
])('%j gets 401 %s', (header, code, challenge, detail) => {
  const [gotCode, status, gotChallenge, message] = refusal(header);
  expect([gotCode, status, gotChallenge]).toEqual([code, 401, challenge]);
  expect(message).toContain(detail);
});
