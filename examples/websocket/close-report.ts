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
import { CloseCode } from './close-codes.ts';
import type { Answer } from './secret-book.ts';

/** What the server saw when a connection closed. */
export interface CloseReport {
  code: number;
  reason: string;
}

/**
 * Where reports are kept: in this process (below), or in a store that
 * several servers share, whose answers come later (the playground's
 * is in Redis, so that the GET may reach another instance).
 */
export interface CloseReports {
  /** Remembers `id` as open; the oldest report may make room. */
  opened(id: string): Answer<void>;
  /** Keeps what the server saw when `id` closed. */
  closed(id: string, report: CloseReport): Answer<void>;
  /**
   * The close of `id`, waiting up to `waitMs` while it is still open:
   * "open" if it stays open, null if no such connection is kept.
   */
  wait(id: string, waitMs: number): Promise<CloseReport | 'open' | null>;
}

/** Reports are kept this long after the close, and no more of them. */
export const KEEP_MS = 60_000;
export const MAX_REPORTS = 1_000;
/** How long a request waits for a connection that is still closing. */
const WAIT_MS = 5_000;

// #region server
/** /ws/close-report and GET /close-reports/<id>. */
export function createCloseReporter(
  maxPayload: number,
  reports: CloseReports = new MemoryCloseReports(),
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });

  wss.on('connection', (ws) => {
    const id = randomUUID();
    ws.on('error', () => {});
    // A shared store answers later: the id is told, and the close
    // kept, once the store knows the connection.
    const known = Promise.resolve(reports.opened(id));
    known.then(
      () => ws.send(JSON.stringify({ connection: id })),
      (error: Error) => ws.close(CloseCode.TRY_AGAIN_LATER, short(error)),
    );
    ws.on('close', (code, reason) => {
      const report = { code, reason: reason.toString() };
      // The client is gone: a report the store cannot keep is lost,
      // and a later GET says so.
      known.then(() => reports.closed(id, report)).catch(() => {});
    });
  });
  // #endregion server

  // #region report
  /** GET /close-reports/<id>: the close the server saw, as JSON. */
  async function report(req: IncomingMessage, res: ServerResponse) {
    const id = new URL(req.url ?? '/', 'http://x').pathname.slice(
      '/close-reports/'.length,
    );
    if (!allowMethods(req, res, ['GET'])) return;
    const seen = await reports.wait(id, WAIT_MS);
    if (seen === null) {
      return reply(res, 404, {
        error: `no connection "${id}" here; reports last 60 s`,
      });
    }
    if (seen === 'open') {
      return reply(res, 409, { error: `connection "${id}" is still open` });
    }
    reply(res, 200, seen);
  }
  // #endregion report

  return {
    wss,
    report,
  };
}

/** The reports of this process: a close, or a promise of one, by id. */
export class MemoryCloseReports implements CloseReports {
  readonly #reports = new Map<string, PromiseWithResolvers<CloseReport>>();

  opened(id: string) {
    // The oldest report makes room for the newest.
    const oldest = this.#reports.keys().next();
    if (this.#reports.size >= MAX_REPORTS && !oldest.done) {
      this.#reports.delete(oldest.value);
    }
    this.#reports.set(id, Promise.withResolvers());
  }

  closed(id: string, report: CloseReport) {
    this.#reports.get(id)?.resolve(report);
    setTimeout(() => this.#reports.delete(id), KEEP_MS).unref();
  }

  async wait(id: string, waitMs: number) {
    const closed = this.#reports.get(id)?.promise;
    if (!closed) return null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'open'>((resolve) => {
      timer = setTimeout(() => resolve('open'), waitMs);
    });
    const seen = await Promise.race([closed, timeout]);
    clearTimeout(timer);
    return seen;
  }
}

/** A close reason is at most 123 bytes (RFC 6455 §5.5). */
function short(error: Error) {
  const why = error.message;
  return Buffer.byteLength(why) <= 123 ? why : 'try again later';
}
