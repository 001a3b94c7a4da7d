// The cookie way, from the page: log in with fetch(), which may set
// Authorization; the answer sets an HttpOnly cookie, which this script
// never sees; the browser sends it with the handshake by itself.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import { nextMessage, opened } from './socket-events.ts';

// #region run
/** Logs in for a session cookie; a WebSocket then carries it. */
export async function run(io: DemoIO): Promise<void> {
  const token = crypto.randomUUID();
  io.log(`my bearer token ends in …${token.slice(-4)}`);
  const response = await fetch(io.url('/ws-auth/session'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    signal: io.signal,
  });
  const { expiresInSeconds } = await response.json();
  io.log(
    `POST /ws-auth/session: ${response.status}, ` +
      `a session for ${expiresInSeconds} s, kept in a cookie`,
  );

  // Nothing about the session here: the browser adds the cookie.
  const url = io.url('/ws/auth/cookie', 'ws');
  const ws = await opened(new io.WebSocket(url), io.signal);
  ws.send('hello');
  io.sent('hello');
  io.received(await nextMessage(ws));
  ws.close(CloseCode.NORMAL);
}
// #endregion run
