import { PassThrough } from 'node:stream';
import { expect, test, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { AuthRefusal, closeRefused, refuseHandshake } from './auth-refusal.ts';
import { CloseCode } from './close-codes.ts';

/** What refuseHandshake writes on a socket, as text. */
function written(refusal: AuthRefusal) {
  const socket = new PassThrough();
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  refuseHandshake(socket, refusal);
  return text;
}

test('a refused handshake gets its status, its headers and a body that starts with its code', () => {
  const refusal = new AuthRefusal('used-ticket', 'a ticket works once', {
    'WWW-Authenticate': 'Ticket realm="ws-auth"',
  });
  expect(refusal.status).toBe(401);
  expect(written(refusal)).toBe(
    'HTTP/1.1 401 Unauthorized\r\n' +
      'WWW-Authenticate: Ticket realm="ws-auth"\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'Content-Length: 33\r\n' +
      'Connection: close\r\n\r\n' +
      'used-ticket: a ticket works once\n',
  );
});

test.each([
  ['missing-ticket', 401],
  ['unknown-ticket', 401],
  ['expired-ticket', 401],
  ['used-ticket', 401],
  ['missing-session', 401],
  ['unknown-session', 401],
  ['expired-session', 401],
  ['too-many-tickets', 503],
  ['too-many-sessions', 503],
  ['too-many-waiting', 503],
] as const)('%s is %i', (code, status) => {
  expect(new AuthRefusal(code, 'why').status).toBe(status);
});

test.each(['auth-timeout', 'not-auth', 'invalid-token'] as const)(
  'after the upgrade, %s closes with 1008 and a reason that starts with it',
  (code) => {
    const close = vi.fn();
    closeRefused({ close } as unknown as WebSocket, code, 'why');
    expect(close).toHaveBeenCalledWith(CloseCode.POLICY_VIOLATION, `${code}: why`);
  },
);
