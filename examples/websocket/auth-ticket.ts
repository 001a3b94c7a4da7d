// Authenticating a WebSocket with a one-time ticket. A page cannot set
// Authorization on a handshake, but it can on a fetch: so it trades
// its bearer token for a ticket over HTTP, then opens the WebSocket
// with the ticket in the URL. The ticket works once, for 30 s.
//
// Why not put the token itself in the URL? A URL is written down in
// places a header is not: the access logs of the server and of every
// proxy on the way, the browser's history and developer tools, the
// Referer of a page. RFC 6750 (§2.3, §5.3) asks bearer tokens to stay
// out of URLs for that reason. A ticket in those places is worthless:
// by the time anyone reads it, it has been used or has expired.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { allowMethods, sendJson } from '../http-reply.ts';
import { answerAs, bearerOf, whoOf } from './auth-identity.ts';
import { AuthRefusal, refuseHandshake, sendRefusal } from './auth-refusal.ts';
import { upgrade } from './echo-server.ts';
import type { Secrets } from './secret-book.ts';

/** The scheme a 401 names: get a ticket, then come back with it. */
const CHALLENGE = 'Ticket realm="ws-auth"';

/** Where tickets come from, and the largest message. */
export interface TicketAuthOptions {
  tickets: Secrets;
  maxPayload: number;
}

/** POST /ws-auth/ticket and WS /ws/auth/ticket?ticket=… */
export function createTicketAuth({ tickets, maxPayload }: TicketAuthOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const seconds = Math.round(tickets.lifetimeMs / 1000);

  // #region issue
  /** POST with a bearer token: 201 and a ticket for that reader. */
  async function issue(req: IncomingMessage, res: ServerResponse) {
    if (!allowMethods(req, res, ['POST'])) return;
    const token = bearerOf(req, res);
    if (token === null) return;
    const ticket = await tickets.issue(whoOf(token));
    if (ticket === null) {
      const taken = await tickets.count();
      const detail = `all ${taken} places are taken by valid tickets`;
      const retryAfter = String(await tickets.secondsUntilRoom());
      return sendRefusal(
        res,
        new AuthRefusal('too-many-tickets', detail, {
          'Retry-After': retryAfter,
        }),
      );
    }
    sendJson(res, 201, { ticket, expiresInSeconds: seconds });
  }
  // #endregion issue

  // #region open
  /** A handshake with a valid ticket becomes a WebSocket; once. */
  async function open(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket');
    if (!ticket) {
      return refuse(socket, 'missing-ticket', 'no ?ticket= in the URL');
    }
    // take(), not find(): the ticket is used up by this handshake.
    const found = await tickets.take(ticket);
    if (!found.ok) {
      return refuse(socket, `${found.why}-ticket`, WHY[found.why]);
    }
    upgrade(wss, req, socket, head, (ws) => answerAs(ws, found.who, 'ticket'));
  }
  // #endregion open

  return { wss, issue, open };
}

/** What each failed look-up tells the client. */
const WHY = {
  unknown: 'no such ticket was issued here',
  expired: 'the ticket is older than its lifetime',
  used: 'the ticket was used already; a ticket works once',
};

function refuse(
  socket: Duplex,
  code: `${'missing' | keyof typeof WHY}-ticket`,
  why: string,
) {
  const detail = `${why}; POST /ws-auth/ticket for a new one`;
  const refusal = new AuthRefusal(code, detail, {
    'WWW-Authenticate': CHALLENGE,
  });
  refuseHandshake(socket, refusal);
}
