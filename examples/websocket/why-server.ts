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
import { allowMethods, refuseUpgrade, sendJson } from '../http-reply.ts';
import { CloseCode } from './close-codes.ts';
import { upgrade as openWebSocket } from './echo-server.ts';
import {
  createRuns,
  type Run,
  RunError,
  type Runs,
  runErrors,
  type Transport,
} from './why-runs.ts';

/** The /why/ endpoints and /ws/why; runs in this process by default. */
export function createWhyServer(options: { maxRuns: number; runs?: Runs }) {
  const runs = options.runs ?? createRuns(options);
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
  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    let run: Run;
    try {
      run = await runs.get(query(req, 'run'));
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
        if (run.done) ws.close(CloseCode.NORMAL, 'run over');
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
    (req: IncomingMessage, res: ServerResponse) => Promise<void>
  > = {
    'POST /why/runs': async (req, res) =>
      sendJson(res, 201, await runs.start(query(req, 'seconds') || '10')),
    'GET /why/clock': async (_, res) => sendJson(res, 200, { now: Date.now() }),
    'GET /why/poll': async (req, res) =>
      poll(
        req,
        res,
        await runOf(req),
        query(req, 'after') || '0',
        'short-poll',
      ),
    'GET /why/long-poll': async (req, res) =>
      poll(req, res, await runOf(req), query(req, 'after') || '0', 'long-poll'),
    'GET /why/sse': async (req, res) => sse(req, res, await runOf(req)),
    'GET /why/report': async (req, res) => {
      const id = query(req, 'run');
      const run = await runs.get(id);
      sendJson(res, 200, {
        events: run.events.length,
        done: run.done,
        transports: await runs.wire(id),
      });
    },
  };
  const runOf = (req: IncomingMessage) => runs.get(query(req, 'run'));

  /** Every /why/ request: its route, or an answer that says why not. */
  async function http(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://why');
    const route = routes[`${req.method} ${pathname}`];
    if (!route) {
      const known = Object.keys(routes);
      // A path known by another method: 405, naming the methods it takes.
      const methods = known
        .filter((r) => r.endsWith(` ${pathname}`))
        .map((r) => r.split(' ')[0]!);
      if (methods.length > 0 && !allowMethods(req, res, methods)) return;
      const error = `no ${pathname}; try ${known.join(', ')}`;
      return sendJson(res, 404, { error });
    }
    try {
      await route(req, res);
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
