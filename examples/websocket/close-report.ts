// The close handshake, seen from the server. A connection to
// /ws/close-report is told its id; when it closes, the server keeps
// the code and reason it received, and GET /close-reports/<id> tells
// the client what the server saw.
//
// Why a second request? Once a client has sent its close frame it
// will read no more messages (a browser drops any that arrive), so
// the server cannot say it on the WebSocket itself. The one thing it
// can still send is its own close frame, and ws fills that with the
// client's code and reason (RFC 6455 §5.5.1: an endpoint typically
// echoes the code).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebSocketServer } from 'ws';
import { allowMethods, sendJson as reply } from '../http-reply.ts';

/** What the server saw when a connection closed. */
export interface CloseReport {
  code: number;
  reason: string;
}

/** Reports are kept this long after the close, and no more of them. */
const KEEP_MS = 60_000;
const MAX_REPORTS = 1_000;
/** How long a request waits for a connection that is still closing. */
const WAIT_MS = 5_000;

// #region server
/** /ws/close-report and GET /close-reports/<id>. */
export function createCloseReporter(maxPayload: number) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  const reports = new Map<string, Promise<CloseReport>>();

  wss.on('connection', (ws) => {
    const id = randomUUID();
    // The oldest report makes room for the newest.
    const oldest = reports.keys().next();
    if (reports.size >= MAX_REPORTS && !oldest.done) {
      reports.delete(oldest.value);
    }
    reports.set(
      id,
      new Promise((resolve) => {
        ws.on('close', (code, reason) => {
          resolve({ code, reason: reason.toString() });
          setTimeout(() => reports.delete(id), KEEP_MS).unref();
        });
      }),
    );
    ws.on('error', () => {});
    ws.send(JSON.stringify({ connection: id }));
  });
  // #endregion server

  // #region report
  /** GET /close-reports/<id>: the close the server saw, as JSON. */
  async function report(req: IncomingMessage, res: ServerResponse) {
    const id = new URL(req.url ?? '/', 'http://x').pathname.slice(
      '/close-reports/'.length,
    );
    if (!allowMethods(req, res, ['GET'])) return;
    const closed = reports.get(id);
    if (!closed) {
      return reply(res, 404, {
        error: `no connection "${id}" here; reports last 60 s`,
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), WAIT_MS);
    });
    const seen = await Promise.race([closed, timeout]);
    clearTimeout(timer);
    if (seen) reply(res, 200, seen);
    else reply(res, 409, { error: `connection "${id}" is still open` });
  }
  // #endregion report

  return {
    wss,
    report,
  };
}
