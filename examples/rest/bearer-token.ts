// Statelessness: every request carries everything needed to answer
// it. There is no session on the server; instead each request says
// whose notes it is about, in `Authorization: Bearer <token>`.
//
// Here the token is not a password and proves nothing: a page makes one
// with crypto.randomUUID() and keeps it for as long as the reader's tab
// lives. It only names a scope, so that readers never see or touch each
// other's notes. A real API gets its bearer tokens from an
// authorization server (OAuth 2.0) and checks them on every request;
// the shape of the request is the same.

import { Problem } from './problem.ts';

// #region syntax
/**
 * A token: 16 to 128 characters of the alphabet RFC 6750 (2.1) gives
 * a bearer token: letters, digits and -._~+/, then any = signs.
 */
const TOKEN = /^[A-Za-z0-9\-._~+/]{16,128}=*$/;

/** The challenge a 401 carries, naming the scheme to use. */
const CHALLENGE = 'Bearer realm="notes"';
// #endregion syntax

// #region token
/** The request's bearer token, or a 401 that says how to send one. */
export function bearerToken(authorization: string | undefined): string {
  const [scheme = '', token = '', ...rest] = (authorization ?? '')
    .trim()
    .split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') {
    const sent = authorization ? `a ${scheme} credential` : 'none';
    throw new Problem(
      'missing-token',
      'Notes are kept per bearer token, and this request sent ' +
        `${sent}. Send Authorization: Bearer <token>, where the ` +
        'token is any 16 to 128 letters, digits or "-._~+/", such as ' +
        'crypto.randomUUID().',
      { headers: { 'www-authenticate': CHALLENGE } },
    );
  }
  if (!TOKEN.test(token) || rest.length > 0) {
    throw new Problem(
      'invalid-token',
      'The bearer token must be 16 to 128 letters, digits or ' +
        '"-._~+/", such as crypto.randomUUID().',
      {
        headers: {
          'www-authenticate': `${CHALLENGE}, error="invalid_token"`,
        },
      },
    );
  }
  return token;
}
// #endregion token

/** True when `token` has a bearer token's syntax, as above. */
export function isBearerToken(token: string): boolean {
  return TOKEN.test(token);
}
