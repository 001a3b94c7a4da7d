// The playground: every example's handler composed behind one router.
// The examples own the protocol code; this file only decides which
// path reaches which handler, checks Origin, and keeps count.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { createEchoServer, upgrade } from '../examples/websocket/echo-server.ts';
import type { Config } from './config.ts';
import { refuseUpgrade, sendJson } from './http-reply.ts';
import { originAllowed } from './origin.ts';

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** The playground's handlers, to be attached to any node:http server. */
export interface Playground {
  /** Serves what the playground owns; calls `next` for anything else. */
  handleRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Takes an Upgrade for a /ws/ path; returns false for other paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** How many WebSockets are open. */
  openWebSockets(): number;
  /** Closes every WebSocket with 1001, terminating stragglers after grace. */
  close(): Promise<void>;
}

/** Creates the playground's handlers from its configuration. */
export function createPlayground(config: Config): Playground {
  const started = Date.now();
  const echo = createEchoServer(config.wsMaxMessageBytes);
  const servers: WebSocketServer[] = [echo];
  const websocketRoutes = new Map<string, UpgradeHandler>([
    ['/ws/echo', (req, socket, head) => upgrade(echo, req, socket, head)],
  ]);

  const openWebSockets = () =>
    servers.reduce((sum, wss) => sum + wss.clients.size, 0);

  return {
    handleRequest(req, res, next) {
      const { pathname } = new URL(req.url ?? '/', 'http://playground');
      if (pathname !== '/healthz') return next();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, { error: 'use GET /healthz' }, { allow: 'GET, HEAD' });
      }
      sendJson(res, 200, {
        status: 'ok',
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        websockets: openWebSockets(),
      });
    },

    handleUpgrade(req, socket, head) {
      const { pathname } = new URL(req.url ?? '/', 'http://playground');
      if (!pathname.startsWith('/ws/')) return false;
      // A reset during the handshake must not become an uncaught error.
      socket.on('error', () => socket.destroy());
      const route = websocketRoutes.get(pathname);
      if (!route) {
        const known = [...websocketRoutes.keys()].join(', ');
        refuseUpgrade(socket, 404, `No WebSocket endpoint at ${pathname}; try ${known}`);
      } else if (!originAllowed(req, config.allowedOrigins)) {
        refuseUpgrade(
          socket,
          403,
          `Origin ${req.headers.origin} may not open WebSockets here; ` +
            'only this site and ALLOWED_ORIGINS may',
        );
      } else {
        route(req, socket, head);
      }
      return true;
    },

    openWebSockets,

    async close() {
      const clients = servers.flatMap((wss) => [...wss.clients]);
      for (const ws of clients) ws.close(1001, 'server shutting down');
      const closed = clients.map(
        (ws) => new Promise((resolve) => ws.once('close', resolve)),
      );
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, config.shutdownGraceMs);
      });
      await Promise.race([Promise.all(closed), grace]);
      clearTimeout(timer);
      for (const ws of clients) ws.terminate();
      await Promise.all(
        servers.map((wss) => new Promise((resolve) => wss.close(resolve))),
      );
    },
  };
}
