// The playground: every part's mount composed behind one router. The
// examples own the protocol code; the mounts in mounts/ build their
// endpoints from it; this file decides which path reaches which
// handler, checks Origin on upgrades and CORS on requests, applies
// the WebSocket limits and heartbeat to every endpoint, reports health
// and shuts down.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { allowMethods, refuseUpgrade, sendJson } from '../examples/http-reply.ts';
import { CloseCode } from '../examples/websocket/close-codes.ts';
import { startHeartbeat } from '../examples/websocket/heartbeat.ts';
import { serverDemos } from '../shared/server-demos.ts';
import type { Config } from './config.ts';
import { createCors } from './cors.ts';
import type { Mount, RequestHandler, UpgradeHandler } from './mount.ts';
import { grpcMount } from './mounts/grpc.ts';
import { restMount } from './mounts/rest.ts';
import { rpcMount } from './mounts/rpc.ts';
import { runMount } from './mounts/run.ts';
import { socketsMount } from './mounts/sockets.ts';
import { type TlsEndpoint, tlsMount } from './mounts/tls.ts';
import { websocketMount } from './mounts/websocket.ts';
import { originAllowed } from './origin.ts';
import { refusalOf, refuse } from './request-guards.ts';
import { connectSharedRedis, type SharedRedis } from './shared-redis.ts';
import { turnClock } from './turn-clock.ts';
import { createWebSocketLimits } from './websocket-limits.ts';

/**
 * Every part's mount, in the order the site teaches them; `tls` is the
 * TLS port server.ts listens on, if any; `redis` the state and pub/sub
 * shared with the other instances (REDIS_URL), if any.
 */
export function mountsFor(
  config: Config,
  tls: TlsEndpoint | null = null,
  redis: SharedRedis | null = null,
): Mount[] {
  return [
    socketsMount(config),
    websocketMount(config, redis),
    restMount(config, redis),
    rpcMount(config),
    grpcMount(config),
    runMount(config, serverDemos, redis),
    tlsMount(tls),
  ];
}

/** The playground's handlers, to be attached to any node:http server. */
export interface Playground {
  /** Starts the mounts' own listeners (TCP and UDP ports). */
  start(): Promise<void>;
  /**
   * Refuses a request the guards (request-guards.ts) refuse; serves
   * what the playground owns; calls `next` for anything else.
   */
  handleRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /**
   * Refuses an Upgrade the guards refuse; takes one for a /ws/ path;
   * returns false for other paths.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** How many WebSockets are open. */
  openWebSockets(): number;
  /**
   * From now on /healthz answers 503 "draining", so a load balancer
   * sends new clients elsewhere while the ones here finish.
   */
  drain(): void;
  /** Closes every WebSocket with 1001 (terminating stragglers after grace) and every mount. */
  close(): Promise<void>;
}

/**
 * Creates the playground's handlers from its configuration. The
 * playground owns `redis`: it reports it in /healthz and closes it last.
 */
export function createPlayground(
  config: Config,
  mounts?: Mount[],
  redis: SharedRedis | null = connectSharedRedis(config.redisUrl),
): Playground {
  mounts ??= mountsFor(config, null, redis);
  const started = Date.now();
  const httpRoutes = routeTable(mounts, (m) => m.http);
  const websocketRoutes = routeTable(mounts, (m) => m.websockets);
  const servers = mounts.flatMap((m) => m.websocketServers ?? []);
  // Per-address socket caps, per-connection message rates and idle
  // timeouts, for every endpoint of every mount (websocket-limits.ts),
  // ws or from scratch; the caps counted in Redis, when there is one.
  const limits = createWebSocketLimits(config, turnClock, redis);
  // A page on another origin (ALLOWED_ORIGINS) may read the answers.
  const cors = createCors(config.allowedOrigins);
  for (const server of servers) limits.watch(server);
  // Every endpoint pings its peers and drops the dead
  // (examples/websocket/heartbeat.ts), whichever mount it is in.
  const heartbeats = servers.map((server) => startHeartbeat(server, config.wsHeartbeatMs));
  let draining = false;
  // HTTP requests being answered now, for /healthz and for shutdown.
  let inFlight = 0;
  // Longest prefix first, so "/api/notes/" wins over "/api/".
  const prefixes = [...httpRoutes.keys()]
    .filter((path) => path.endsWith('/'))
    .sort((a, b) => b.length - a.length);

  const openWebSockets = () => servers.reduce((sum, wss) => sum + wss.clients.size, 0);

  const health: RequestHandler = (req, res) => {
    if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
    const parts = Object.fromEntries(
      mounts.flatMap((m) => (m.health ? [[m.name, m.health()]] : [])),
    );
    const shared = redis ? redis.status() : null;
    // Redis out of reach (any of its connections) degrades the
    // instance but leaves it 200: it still serves all that does not
    // need Redis, and a load balancer that took every instance out at
    // a Redis blip would serve nothing.
    const connections = shared ? [shared.commands, shared.publisher, shared.subscriber] : [];
    sendJson(res, draining ? 503 : 200, {
      status: draining ? 'draining' : 'ok',
      degraded: connections.some((state) => state !== 'ready'),
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      websockets: openWebSockets(),
      // Besides this one.
      requests: inFlight - 1,
      redis: shared,
      ...parts,
    });
  };

  /** The handler for a request target, if any but the site's. */
  const routeFor = (target: string) => {
    // A target that is exactly an endpoint's path ("/rpc", most of
    // them) is that path: parsing it would only give it back.
    const exact = target === '/healthz' ? health : httpRoutes.get(target);
    if (exact) return exact;
    const { pathname } = new URL(target, 'http://playground');
    if (pathname === '/healthz') return health;
    return (
      httpRoutes.get(pathname) ??
      httpRoutes.get(prefixes.find((path) => pathname.startsWith(path)) ?? '')
    );
  };

  return {
    async start() {
      for (const mount of mounts) await mount.start?.();
    },

    handleRequest(req, res, next) {
      const refusal = refusalOf(req, config);
      if (refusal) return refuse(res, refusal);
      const route = routeFor(req.url ?? '/');
      if (!route) return next();
      inFlight++;
      res.once('close', () => inFlight--);
      cors(req, res, () => route(req, res));
    },

    handleUpgrade(req, socket, head) {
      const refusal = refusalOf(req, config);
      // A reset during the handshake must not become an uncaught error.
      const ignoreResets = () => socket.on('error', () => socket.destroy());
      if (refusal) {
        ignoreResets();
        refuseUpgrade(socket, refusal.status, refusal.why);
        return true;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://playground');
      if (!pathname.startsWith('/ws/')) return false;
      ignoreResets();
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
        const admitted = limits.admit(req, socket);
        if (admitted === true) route(req, socket, head);
        // With Redis, the cap's answer comes later.
        else if (admitted !== false) {
          void admitted.then((ok) => {
            if (ok) route(req, socket, head);
          });
        }
      }
      return true;
    },

    openWebSockets,

    drain() {
      draining = true;
    },

    async close() {
      draining = true;
      for (const stop of heartbeats) stop();
      const clients: Client[] = servers.flatMap((wss) => [...wss.clients]);
      for (const ws of clients) ws.close(CloseCode.GOING_AWAY, 'server shutting down');
      const closed = clients.map((ws) => new Promise<void>((resolve) => ws.once('close', resolve)));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, config.shutdownGraceMs);
      });
      await Promise.race([Promise.all(closed), grace]);
      clearTimeout(timer);
      for (const ws of clients) ws.terminate();
      await Promise.all([
        ...servers.map((wss) => new Promise((resolve) => wss.close(resolve))),
        ...mounts.map((m) => m.close?.()),
      ]);
      await limits.close();
      await redis?.close();
    },
  };
}

/** What shutting down needs of a WebSocket, ws's or from scratch. */
interface Client {
  close(code: number, reason: string): void;
  terminate(): void;
  once(event: 'close', listener: () => void): unknown;
}

/** Merges the mounts' routes into one table; a path taken twice is a bug. */
function routeTable<T extends RequestHandler | UpgradeHandler>(
  mounts: Mount[],
  routesOf: (mount: Mount) => Record<string, T> | undefined,
) {
  const table = new Map<string, T>();
  for (const mount of mounts) {
    for (const [path, handler] of Object.entries(routesOf(mount) ?? {})) {
      if (table.has(path)) throw new Error(`${path} is mounted twice (again by ${mount.name})`);
      table.set(path, handler);
    }
  }
  return table;
}
