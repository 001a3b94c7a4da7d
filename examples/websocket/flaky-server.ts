// A connection that breaks on purpose, so a page can watch a client
// survive it: /ws/flaky?after=N.
//
// The server counts, one numbered message every COUNT_MS,
// {"type":"count","seq":1}, 2, 3 …, and after N of them it drops the
// connection the way a network does: no close frame, the TCP socket
// destroyed (ws's terminate()). The client sees close code 1006,
// abnormal closure. With `&since=S` the count goes on from S + 1, so a
// client that resumes gets every number once. With `&mode=hang` the
// server instead falls silent after N and leaves the socket open, as
// a half-open connection looks from the client: nothing arrives,
// nothing fails.
//
// The only thing a client may say is {"type":"ping"}; while the server
// is not hanging it answers {"type":"pong"} (a client-side heartbeat).
// A query that is not as specified is closed with 1008 and a reason
// saying which part, since a browser never sees an HTTP status.

import type { IncomingMessage } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from './close-codes.ts';

/** The pause between two counted messages. */
export const COUNT_MS = 100;
/** The most messages one connection may ask for before it drops. */
export const MAX_AFTER = 100;
/** A hanging connection is cut off after this long all the same. */
export const HANG_MS = 30_000;

const PING = JSON.stringify({ type: 'ping' });
const PONG = JSON.stringify({ type: 'pong' });

/** What a connection asked for in its query. */
interface Flaky {
  after: number;
  since: number;
  mode: 'drop' | 'hang';
}

// #region server
/** The /ws/flaky endpoint: create once, hand it every upgrade. */
export function createFlakyServer(maxPayload: number) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const asked = parseFlaky(request.url ?? '/');
    if (typeof asked === 'string') {
      ws.close(CloseCode.POLICY_VIOLATION, asked);
      return;
    }
    const { after, since, mode } = asked;
    let seq = since;
    let hanging = false;
    let hangTimer: NodeJS.Timeout | undefined;
    const counter = setInterval(() => {
      seq++;
      const last = seq === since + after;
      // Destroyed only once the last message is written: a network
      // that drops after N must have delivered N.
      ws.send(JSON.stringify({ type: 'count', seq }), () => {
        if (last && mode === 'drop') ws.terminate();
      });
      if (!last) return;
      clearInterval(counter);
      if (mode === 'hang') {
        hanging = true;
        hangTimer = setTimeout(() => ws.terminate(), HANG_MS);
      }
    }, COUNT_MS);

    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (hanging) return;
      if (!isBinary && String(data) === PING) ws.send(PONG);
      else ws.close(CloseCode.POLICY_VIOLATION, `send only ${PING}`);
    });
    ws.on('close', () => {
      clearInterval(counter);
      clearTimeout(hangTimer);
    });
    ws.on('error', () => {});
  });
  return wss;
}
// #endregion server

/** The query of a /ws/flaky URL, or why it cannot be used. */
export function parseFlaky(url: string): Flaky | string {
  const query = new URL(url, 'http://localhost').searchParams;
  const after = query.get('after') ?? '';
  const since = query.get('since') ?? '0';
  const mode = query.get('mode') ?? 'drop';
  const most = Number.MAX_SAFE_INTEGER - MAX_AFTER;
  if (!/^\d{1,3}$/.test(after) || +after < 1 || +after > MAX_AFTER) {
    return `after must be a whole number from 1 to ${MAX_AFTER}`;
  }
  if (!/^\d{1,16}$/.test(since) || +since > most) {
    return `since must be a whole number from 0 to ${most}`;
  }
  if (mode !== 'drop' && mode !== 'hang') return 'mode must be drop or hang';
  return { after: +after, since: +since, mode };
}
