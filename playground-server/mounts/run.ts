// WS /ws/run?demo=<id>: the playground runs an allow-listed demo
// (shared/server-demos.ts) and streams its lines to the page, for code a
// browser cannot run. The wire format is in
// shared/run-protocol.ts.
//
// Every run is bounded: a time limit, a cap on output lines, and caps
// on runs at once, per client address and in all. Closing the socket
// (the page's Stop) aborts the run. With REDIS_URL those two caps count
// the runs of every instance (admission-redis.ts).

import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { type WebSocket as Client, WebSocketServer } from 'ws';
import { type Line, runDemo } from '../../examples/demo-io.ts';
import { CloseCode } from '../../examples/websocket/close-codes.ts';
import { upgrade } from '../../examples/websocket/echo-server.ts';
import {
  DEMO_PARAM,
  encodeRunMessage,
  RUN_PATH,
  type RunMessage,
  type RunRefusal,
  runRefusals,
} from '../../shared/run-protocol.ts';
import { type ServerDemos, serverDemos } from '../../shared/server-demos.ts';
import { Admission, type AdmissionRefusal } from '../admission.ts';
import { type Release, SharedAdmission } from '../admission-redis.ts';
import { clientAddressOf } from '../client-address.ts';
import type { Config } from '../config.ts';
import type { Mount } from '../mount.ts';
import type { SharedRedis } from '../shared-redis.ts';

/**
 * The run endpoint, running demos from `demos`; its caps counted in
 * `redis` for every instance, when there is one.
 */
export function runMount(
  config: Config,
  demos: ServerDemos = serverDemos,
  redis: SharedRedis | null = null,
): Mount {
  // Pages send nothing but the upgrade, so a tiny message limit.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  // Counted as the WebSocket cap counts sockets (admission.ts).
  const caps = { perKey: config.runMaxPerClient, total: config.runMaxTotal };
  const running = redis ? new SharedAdmission(redis, 'run', caps) : new Admission(caps);
  const runs = new Map<AbortController, Promise<void>>();
  const addressOf = clientAddressOf(config.trustProxy);

  wss.on('connection', (ws: Client, req: IncomingMessage) => {
    // A reset socket must not become an uncaught error.
    ws.on('error', () => {});
    const id = new URL(req.url ?? '/', 'http://playground').searchParams.get(DEMO_PARAM) ?? '';
    const load = Object.hasOwn(demos, id) ? demos[id] : undefined;
    const client = addressOf(req);
    if (!load) return refuse(ws, runRefusals.unknownDemo(id, Object.keys(demos)));
    if (running instanceof Admission) {
      return runOrRefuse(ws, req, id, load, running.refusal(client) ?? running.take(client));
    }
    void running.admit(client).then((admitted) => {
      // A page that left while Redis was asked gives its place back.
      if (ws.readyState === ws.OPEN) runOrRefuse(ws, req, id, load, admitted);
      else if (typeof admitted === 'function') admitted();
    });
  });

  /** Refuses a run over a cap; else runs it, and gives its place back at its end. */
  function runOrRefuse(
    ws: Client,
    req: IncomingMessage,
    id: string,
    load: ServerDemos[string],
    admitted: AdmissionRefusal | Release,
  ) {
    switch (admitted) {
      case 'per-key':
        return refuse(ws, runRefusals.tooManyForClient(config.runMaxPerClient));
      case 'total':
        return refuse(ws, runRefusals.tooManyRuns(config.runMaxTotal));
    }

    const release = admitted;
    const controller = new AbortController();
    const { signal } = controller;
    const stop = (why: string, name: string) => {
      if (!signal.aborted) controller.abort(new DOMException(why, name));
    };
    const limit = setTimeout(
      () => stop(`time limit of ${config.runTimeLimitMs / 1000} s reached`, 'TimeoutError'),
      config.runTimeLimitMs,
    );
    ws.on('close', () => stop('the page closed the run', 'AbortError'));
    ws.on('message', () => refuse(ws, runRefusals.noMessages()));

    let printed = 0;
    const emit = (line: Line) => {
      // The runner's own error line (why the run ended) always goes.
      if (line.direction !== 'error') {
        if (signal.aborted) return;
        if (++printed > config.runMaxLines) {
          return stop(`output limit of ${config.runMaxLines} lines reached`, 'QuotaExceededError');
        }
      }
      send(ws, { type: 'line', line });
    };

    const run = (async () => {
      let ok = false;
      try {
        const { run: demo } = await load();
        ok = await runDemo(demo, { base: baseOf(req, config), WebSocket, signal, emit });
      } catch (error) {
        emit({ at: 0, direction: 'error', data: `could not load ${id}: ${String(error)}` });
      } finally {
        clearTimeout(limit);
        release();
        runs.delete(controller);
      }
      send(ws, { type: 'end', ok });
      if (ws.readyState === ws.OPEN) ws.close(CloseCode.NORMAL, ok ? 'done' : 'failed');
    })();
    runs.set(controller, run);
  }

  return {
    name: 'run',
    websockets: {
      [RUN_PATH]: (req, socket, head) => {
        upgrade(wss, req, socket, head);
      },
    },
    websocketServers: [wss],
    health: () => ({ running: runs.size }),
    async close() {
      const stopping = [...runs];
      for (const [controller] of stopping) {
        controller.abort(new DOMException('the playground is shutting down', 'AbortError'));
      }
      await Promise.all(stopping.map(([, run]) => run));
      if (running instanceof SharedAdmission) await running.close();
    },
  };
}

/** The playground as the page reached it, for the demo's io.url. */
function baseOf(req: IncomingMessage, config: Config) {
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  const host = localAddress.includes(':') ? `[${localAddress}]` : localAddress;
  // A page on the TLS port (TLS_PORT) has its demos reach the plain
  // HTTP port (PORT) instead: Node's fetch would refuse the playground's
  // self-signed certificate, and a demo is never told to trust it.
  const port = (req.socket as TLSSocket).encrypted && config.port ? config.port : localPort;
  return `http://${host}:${port}`;
}

function send(ws: Client, message: RunMessage) {
  if (ws.readyState === ws.OPEN) ws.send(encodeRunMessage(message));
}

/** One error line that says why, then the refusal's close code. */
function refuse(ws: Client, refusal: RunRefusal) {
  send(ws, { type: 'line', line: { at: 0, direction: 'error', data: refusal.message } });
  if (ws.readyState === ws.OPEN) ws.close(refusal.closeCode, refusal.code);
}
