// Authenticating a WebSocket in its first message. The handshake
// carries no credential at all: anyone may open the socket, and the
// first thing said on it must be {"type":"auth","token":"…"}, within
// a few seconds. Anything else, or silence, closes it with 1008.
//
// The token travels inside the connection, never in a URL or a header
// a proxy logs. The price: the server upgrades sockets for strangers,
// and holds each one open while it waits, so how many may wait at
// once is bounded, and each wait is timed.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { isBearerToken } from '../rest/bearer-token.ts';
import { answerAs, whoOf } from './auth-identity.ts';
import { AuthRefusal, closeRefused, refuseHandshake } from './auth-refusal.ts';
import { upgrade } from './echo-server.ts';

/** How many may wait, for how long, and the largest message. */
export interface FirstMessageAuthOptions {
  /** Sockets open and not yet authenticated, at most. */
  maxWaiting: number;
  /** How long the first message may take, in milliseconds. */
  waitMs: number;
  maxPayload: number;
}

/** WS /ws/auth/first-message. */
export function createFirstMessageAuth(options: FirstMessageAuthOptions) {
  const { maxWaiting, waitMs, maxPayload } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  let waiting = 0;

  /** Upgrades anyone, while fewer than maxWaiting are waiting. */
  function open(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (waiting >= maxWaiting) {
      const detail =
        `${waiting} sockets are waiting to authenticate, the most ` +
        'allowed; try again in a few seconds';
      const retryAfter = String(Math.ceil(waitMs / 1000));
      const refusal = new AuthRefusal('too-many-waiting', detail, {
        'Retry-After': retryAfter,
      });
      return refuseHandshake(socket, refusal);
    }
    upgrade(wss, req, socket, head, awaitAuth);
  }

  // #region wait
  /** Waits up to waitMs for auth, then answers as that reader. */
  function awaitAuth(ws: WebSocket) {
    waiting++;
    // A message, the timer or a close ends the wait, whichever is
    // first; `done` keeps the other two from ending it again.
    let done = false;
    const stopWaiting = () => {
      if (done) return;
      done = true;
      waiting--;
      clearTimeout(timer);
      ws.off('message', first);
    };
    const timer = setTimeout(() => {
      stopWaiting();
      const seconds = waitMs / 1000;
      closeRefused(ws, 'auth-timeout', `no auth message in ${seconds} s`);
    }, waitMs);
    const first = (data: RawData, isBinary: boolean) => {
      stopWaiting();
      const token = tokenIn(data, isBinary);
      if (token === null) {
        const expected = 'first message must be {"type":"auth","token":…}';
        return closeRefused(ws, 'not-auth', expected);
      }
      if (!isBearerToken(token)) {
        const rule = 'a token is 16 to 128 letters, digits or -._~+/';
        return closeRefused(ws, 'invalid-token', rule);
      }
      ws.send(JSON.stringify({ type: 'authenticated', you: whoOf(token) }));
      answerAs(ws, whoOf(token), 'first-message');
    };
    ws.on('message', first);
    ws.on('close', stopWaiting);
    ws.on('error', () => {});
  }
  // #endregion wait

  return { wss, open };
}

// #region parse
/** The token of {"type":"auth","token":"…"}, or null for anything else. */
function tokenIn(data: RawData, isBinary: boolean): string | null {
  if (isBinary) return null;
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { type, token } = message as Record<string, unknown>;
  return type === 'auth' && typeof token === 'string' ? token : null;
}
// #endregion parse
