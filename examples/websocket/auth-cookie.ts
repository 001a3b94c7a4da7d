// Authenticating a WebSocket with a session cookie. The one header a
// page cannot set but the browser sends with a handshake anyway is
// Cookie. So the page logs in over HTTP, with its bearer token; the
// answer sets a cookie; and every handshake the browser makes to
// /ws/auth/ afterwards carries it, with no code on the page at all.
//
// That is also the danger: the browser sends the cookie whichever page
// opened the socket. What keeps another site's page from using it is
// SameSite=Strict (the browser's side) and the Origin check every
// endpoint of the playground makes (the server's side, origin.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { allowMethods, sendJson } from '../http-reply.ts';
import { answerAs, bearerOf, whoOf } from './auth-identity.ts';
import { AuthRefusal, refuseHandshake, sendRefusal } from './auth-refusal.ts';
import { upgrade } from './echo-server.ts';
import type { Secrets } from './secret-book.ts';

/** The cookie's name. */
export const SESSION_COOKIE = 'wb_ws_session';

/** The scheme a 401 names: log in, and the cookie does the rest. */
const CHALLENGE = 'Session realm="ws-auth"';

/** Where sessions are kept, and the largest message. */
export interface CookieAuthOptions {
  sessions: Secrets;
  maxPayload: number;
}

/** POST /ws-auth/session and WS /ws/auth/cookie. */
export function createCookieAuth({ sessions, maxPayload }: CookieAuthOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const seconds = Math.round(sessions.lifetimeMs / 1000);

  // #region session
  /** POST with a bearer token: a session, in a cookie. */
  async function login(req: IncomingMessage, res: ServerResponse) {
    if (!allowMethods(req, res, ['POST'])) return;
    const token = bearerOf(req, res);
    if (token === null) return;
    const session = await sessions.issue(whoOf(token));
    if (session === null) {
      const taken = await sessions.count();
      const detail = `all ${taken} places are taken by live sessions`;
      return sendRefusal(
        res,
        new AuthRefusal('too-many-sessions', detail, {
          'Retry-After': String(await sessions.secondsUntilRoom()),
        }),
      );
    }
    const cookie = [
      `${SESSION_COOKIE}=${session}`,
      // Scripts cannot read it: an injected script cannot steal it.
      'HttpOnly',
      // Not sent with requests that other sites' pages make.
      'SameSite=Strict',
      // Sent only to the WebSocket endpoints that need it.
      'Path=/ws/auth/',
      `Max-Age=${seconds}`,
      // Sent only over TLS, when this request came over TLS.
      ...(isEncrypted(req) ? ['Secure'] : []),
    ];
    sendJson(
      res,
      201,
      { you: whoOf(token), expiresInSeconds: seconds },
      { 'set-cookie': cookie.join('; ') },
    );
  }
  // #endregion session

  // #region open
  /** A handshake with a valid session becomes a WebSocket. */
  async function open(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const session = cookieOf(req.headers.cookie, SESSION_COOKIE);
    if (session === undefined) {
      return refuse(socket, 'missing-session', 'no session cookie');
    }
    // find(), not take(): a session serves many handshakes, and is
    // never used up.
    const found = await sessions.find(session);
    if (!found.ok) {
      const code = found.why === 'expired' ? 'expired' : 'unknown';
      return refuse(socket, `${code}-session`, `the session is ${code}`);
    }
    upgrade(wss, req, socket, head, (ws) => answerAs(ws, found.who, 'cookie'));
  }
  // #endregion open

  return { wss, login, open };
}

/** The value of cookie `name` in a Cookie header, if it is there. */
export function cookieOf(header: string | undefined, name: string) {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** True when the request came over TLS, so Secure can be kept. */
function isEncrypted(req: IncomingMessage) {
  return 'encrypted' in req.socket && req.socket.encrypted === true;
}

function refuse(
  socket: Duplex,
  code: 'missing-session' | 'unknown-session' | 'expired-session',
  why: string,
) {
  const detail = `${why}; POST /ws-auth/session from this site's page first`;
  const refusal = new AuthRefusal(code, detail, {
    'WWW-Authenticate': CHALLENGE,
  });
  refuseHandshake(socket, refusal);
}
