// The ticket way, from the page: trade the bearer token for a ticket
// with fetch(), which may set Authorization; open the WebSocket with
// the ticket in its URL; then try the same ticket a second time.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import { closed, nextMessage, opened } from './socket-events.ts';

// #region run
/** Trades the token for a ticket, uses it; then uses it again. */
export async function run(io: DemoIO): Promise<void> {
  const token = crypto.randomUUID();
  io.log(`my bearer token ends in …${token.slice(-4)}`);
  // Over HTTP, where a page may set headers.
  const response = await fetch(io.url('/ws-auth/ticket'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    signal: io.signal,
  });
  const { ticket, expiresInSeconds } = await response.json();
  io.log(
    `POST /ws-auth/ticket: ${response.status}, ` +
      `a ticket valid for ${expiresInSeconds} s`,
  );

  // The ticket goes in the URL; base64url needs no escaping.
  const url = io.url(`/ws/auth/ticket?ticket=${ticket}`, 'ws');
  const ws = await opened(new io.WebSocket(url), io.signal);
  ws.send('hello');
  io.sent('hello');
  io.received(await nextMessage(ws));
  ws.close(CloseCode.NORMAL);

  // A ticket works once: the server refuses it before the upgrade.
  const again = await closed(new io.WebSocket(url));
  io.log(`the same ticket again: ${again.code}, never opened`);
}
// #endregion run
