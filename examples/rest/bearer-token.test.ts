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

/** What a request without a bearer credential is told, given what it sent. */
const missing = (sent: string) =>
  `Notes are kept per bearer token, and this request sent ${sent}. Send ` +
  'Authorization: Bearer <token>, where the token is any 16 to 128 letters, ' +
  'digits or "-._~+/", such as crypto.randomUUID().';
// A UUID has hyphens: neither message may say "letters and digits" alone.
const invalid =
  'The bearer token must be 16 to 128 letters, digits or "-._~+/", such as ' +
  'crypto.randomUUID().';
const challenge = 'Bearer realm="notes"';
const invalidChallenge = 'Bearer realm="notes", error="invalid_token"';

test.each([
  [undefined, 'missing-token', challenge, missing('none')],
  ['', 'missing-token', challenge, missing('none')],
  ['Basic dXNlcjpwYXNz', 'missing-token', challenge, missing('a Basic credential')],
  ['Bearer', 'invalid-token', invalidChallenge, invalid],
  ['Bearer short', 'invalid-token', invalidChallenge, invalid],
  [`Bearer ${'x'.repeat(129)}`, 'invalid-token', invalidChallenge, invalid],
  [`Bearer ${uuid} extra`, 'invalid-token', invalidChallenge, invalid],
  ['Bearer <script>alert(1)</script>', 'invalid-token', invalidChallenge, invalid],
])('%j gets 401 %s', (header, code, wwwAuthenticate, detail) => {
  expect(refusal(header)).toEqual([code, 401, wwwAuthenticate, detail]);
});
