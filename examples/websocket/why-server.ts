// One source of events, four ways to hear of it: the server side of
// the "Why WebSocket" comparison (runs are kept by why-runs.ts).
//
//   POST /why/runs?seconds=10        starts a run; answers its id
//   GET  /why/poll?run=…&after=n     short polling: answers at once
//   GET  /why/long-poll?run=…&after=n
//                                    long polling: answers when there
//                                    is news
//   GET  /why/sse?run=…              Server-Sent Events: one response
//                                    that lasts the whole run
//   WS   /ws/why?run=…               WebSocket: the server pushes
//   GET  /why/report?run=…           what each way cost on the wire
//   GET  /why/clock                  the server's time, to compare
//
// A poll answers {"events":[{"seq":1,"at":…}],"done":false}; the
// streams carry the events one by one. Each request is counted by its
// transport's wire meter, from its handler's start to its end.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { refuseUpgrade, sendJson } from '../../playground-server/http-reply.ts';
import { upgrade as openWebSocket } from './echo-server.ts';
import {
  createRuns,
  type Run,
  RunError,
  runErrors,
  TRANSPORTS,
  type Transport,
} from './why-runs.ts';

/** The /why/ endpoints and /ws/why. */
export function createWhyServer(options: { maxRuns: number }) {
  const runs = createRuns(options);
  // Clients send nothing on /ws/why; a small limit says so.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  wss.on('connection', (ws) => ws.on('error', () => {}));

  // #region poll
  /** Short polling answers at once; long polling waits for news. */
  function poll(
    req: IncomingMessage,
    res: ServerResponse,
    run: Run,
    raw: string,
    transport: 'short-poll' | 'long-poll',
  ) {
    if (!/^\d{1,9}$/.test(raw)) throw runErrors.badAfter(raw);
    const after = Number(raw);
    const news = () => run.done || run.events.length > after;
    const answer = () =>
      sendJson(res, 200, {
        events: run.events.slice(after),
        done: run.done,
      });
    if (transport === 'short-poll' || news()) {
      res.once('close', run.meters[transport].start(req));
      return answer();
    }
    hold(req, res, run, transport);
    const wake = () => {
      if (!news()) return;
      run.waiting.delete(wake);
      answer();
    };
    run.waiting.add(wake);
    res.once('close', () => run.waiting.delete(wake));
  }
  // #endregion poll

  // #region sse
  /** One response, a `data:` block per event, ended with the run. */
  function sse(req: IncomingMessage, res: ServerResponse, run: Run) {
    hold(req, res, run, 'sse');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
    });
    let sent = 0;
    const flush = () => {
      for (; sent < run.events.length; sent++) {
        const event = run.events[sent]!;
        const data = JSON.stringify(event);
        res.write(`id: ${event.seq}\ndata: ${data}\n\n`);
      }
      if (run.done) res.end('event: done\ndata: {}\n\n');
    };
    run.waiting.add(flush);
    res.once('close', () => run.waiting.delete(flush));
    flush();
  }
  // #endregion sse

  // #region websocket
  /** WS /ws/why?run=…: each event is one text message. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    let run: Run;
    try {
      run = runs.get(query(req, 'run'));
      if (run.open.has('websocket')) throw runErrors.busy('websocket');
    } catch (error) {
      if (!(error instanceof RunError)) throw error;
      return refuseUpgrade(socket, error.status, error.message);
    }
    run.open.add('websocket');
    socket.once('close', run.meters.websocket.start(req));
    socket.once('close', () => run.open.delete('websocket'));
    openWebSocket(wss, req, socket, head, (ws) => {
      let sent = 0;
      const flush = () => {
        for (; sent < run.events.length; sent++) {
          ws.send(JSON.stringify(run.events[sent]));
        }
        if (run.done) ws.close(1000, 'run over');
      };
      run.waiting.add(flush);
      ws.once('close', () => run.waiting.delete(flush));
      flush();
    });
  }
  // #endregion websocket

  /** Holds a request open: one per transport and run at a time. */
  function hold(
    req: IncomingMessage,
    res: ServerResponse,
    run: Run,
    transport: Transport,
  ) {
    if (run.open.has(transport)) throw runErrors.busy(transport);
    run.open.add(transport);
    res.once('close', run.meters[transport].start(req));
    res.once('close', () => run.open.delete(transport));
  }

  const routes: Record<
    string,
    (req: IncomingMessage, res: ServerResponse) => void
  > = {
    'POST /why/runs': (req, res) =>
      sendJson(res, 201, runs.start(query(req, 'seconds') || '10')),
    'GET /why/clock': (_, res) => sendJson(res, 200, { now: Date.now() }),
    'GET /why/poll': (req, res) =>
      poll(req, res, runOf(req), query(req, 'after') || '0', 'short-poll'),
    'GET /why/long-poll': (req, res) =>
      poll(req, res, runOf(req), query(req, 'after') || '0', 'long-poll'),
    'GET /why/sse': (req, res) => sse(req, res, runOf(req)),
    'GET /why/report': (req, res) => {
      const run = runOf(req);
      sendJson(res, 200, {
        events: run.events.length,
        done: run.done,
        transports: Object.fromEntries(
          TRANSPORTS.map((t) => [t, run.meters[t].total()]),
        ),
      });
    },
  };
  const runOf = (req: IncomingMessage) => runs.get(query(req, 'run'));

  /** Every /why/ request: its route, or an answer that says why not. */
  function http(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://why');
    const route = routes[`${req.method} ${pathname}`];
    if (!route) {
      const known = Object.keys(routes);
      const same = known.find((r) => r.endsWith(` ${pathname}`));
      if (same) {
        const allow = same.split(' ')[0]!;
        return sendJson(res, 405, { error: `use ${same}` }, { allow });
      }
      const error = `no ${pathname}; try ${known.join(', ')}`;
      return sendJson(res, 404, { error });
    }
    try {
      route(req, res);
    } catch (error) {
      if (!(error instanceof RunError)) throw error;
      sendJson(res, error.status, { error: error.message });
    }
  }

  return { wss, http, upgrade, close: () => runs.close() };
}

function query(req: IncomingMessage, name: string) {
  const url = new URL(req.url ?? '/', 'http://why');
  return url.searchParams.get(name) ?? '';
}
