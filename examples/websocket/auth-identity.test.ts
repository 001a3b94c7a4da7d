import { expect, test } from 'vitest';
import { whoOf } from './auth-identity.ts';

// bearerOf and answerAs are tested through the three ways that use
// them: auth-ticket.test.ts, auth-cookie.test.ts, auth-first-message.test.ts.

test('a reader is named by the last four characters of the token, never the whole', () => {
  const token = '3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0abcd';
  expect(whoOf(token)).toBe('token …abcd');
  expect(whoOf(token)).not.toContain(token.slice(0, -4));
});
