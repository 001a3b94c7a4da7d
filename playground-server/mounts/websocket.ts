// The WebSocket part's endpoints (docs/websocket/).

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseUpgrade } from '../../examples/http-reply.ts';
import { createCookieAuth } from '../../examples/websocket/auth-cookie.ts';
import { createFirstMessageAuth } from '../../examples/websocket/auth-first-message.ts';
import { createTicketAuth } from '../../examples/websocket/auth-ticket.ts';
import { createCloseReporter, MemoryCloseReports } from '../../examples/websocket/close-report.ts';
import { createDeflateEchoServer } from '../../examples/websocket/deflate-echo.ts';
import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import { createFlakyServer } from '../../examples/websocket/flaky-server.ts';
import { createHandshakeMirror } from '../../examples/websocket/handshake-mirror.ts';
import { createMemoryPubSub } from '../../examples/websocket/pubsub.ts';
import { createPushServer } from '../../examples/websocket/push-server.ts';
import { RawEchoServer } from '../../examples/websocket/raw-server.ts';
import { SecretBook } from '../../examples/websocket/secret-book.ts';
import { createSlowReader } from '../../examples/websocket/slow-reader.ts';
import { createStreamEchoServer } from '../../examples/websocket/stream-echo.ts';
import { createWhyServer } from '../../examples/websocket/why-server.ts';
import type { Config } from '../config.ts';
import { createFrameInspector } from '../frame-inspector.ts';
import type { Mount, UpgradeHandler } from '../mount.ts';
import { RedisUnavailable, type SharedRedis } from '../shared-redis.ts';
import { RedisCloseReports } from '../state/close-reports-redis.ts';
import { redisRoutes } from '../state/inspector-redis.ts';
import { createRedisPushLog } from '../state/push-log-redis.ts';
import { RedisSecretBook } from '../state/secret-book-redis.ts';
import { RedisRuns } from '../state/why-runs-redis.ts';
import { guarded } from './rest.ts';

/** An inspector stays open this long at most (a cell runs for 30 s). */
const INSPECT_MS = 60_000;

/** /ws/echo, from examples/websocket/echo-server.ts, and the rest. */
export function websocketMount(config: Config, redis: SharedRedis | null = null): Mount {
  const maxPayload = config.wsMaxMessageBytes;
  const echo = createEchoServer(maxPayload);
  // With REDIS_URL, chat and presence are shared by every instance
  // on the same Redis; without it, by the readers of this process.
  const pubsub = redis?.pubsub ?? createMemoryPubSub();
  // With it, too, one numbering of ticks and chat for the deployment,
  // so a reader resumes on any instance; without it, each numbers its
  // own (push-server.ts's default log).
  const pushLog = redis
    ? createRedisPushLog(redis, { replay: config.pushReplay, tickMs: config.pushTickMs })
    : undefined;
  const push = createPushServer({
    pubsub,
    log: pushLog,
    tickMs: config.pushTickMs,
    maxPayload,
    sendQueueBytes: config.wsSendQueueBytes,
    replay: config.pushReplay,
    chat: {
      maxChars: config.chatMaxChars,
      perMinute: config.chatPerMinute,
      burst: config.chatBurst,
    },
  });
  // With REDIS_URL, a close seen by one instance is reported by any.
  const closeReports = redis ? new RedisCloseReports(redis) : new MemoryCloseReports();
  const closing = createCloseReporter(maxPayload, closeReports);
  const streamEcho = createStreamEchoServer(maxPayload);
  const slowReader = createSlowReader(maxPayload);
  // With REDIS_URL, a /why/ run started through one instance is
  // followed and reported on through any.
  const maxRuns = config.whyMaxRuns;
  const why = createWhyServer({
    maxRuns,
    ...(redis ? { runs: new RedisRuns(redis, { maxRuns }) } : {}),
  });
  const mirror = createHandshakeMirror();
  const raw = new RawEchoServer({ maxMessageBytes: maxPayload });
  // With Redis, an inspector follows a connection on any instance.
  const inspector = createFrameInspector(
    {
      watchers: config.wsInspectors,
      frames: config.wsInspectFrames,
      watchMs: INSPECT_MS,
    },
    redis ? redisRoutes(redis, INSPECT_MS) : undefined,
  );
  // The three ways to authenticate a WebSocket (authentication.mdx).
  // With REDIS_URL, tickets and sessions are the deployment's: issued
  // by one instance, recognised (and used up) by any.
  const secretBook = (name: string, max: number, seconds: number) => {
    const options = { max, lifetimeMs: seconds * 1000 };
    return redis ? new RedisSecretBook(redis, `ws-auth:${name}`, options) : new SecretBook(options);
  };
  const ticketAuth = createTicketAuth({
    tickets: secretBook('tickets', config.wsAuthTickets, config.wsAuthTicketSeconds),
    maxPayload,
  });
  const cookieAuth = createCookieAuth({
    sessions: secretBook('sessions', config.wsAuthSessions, config.wsAuthSessionSeconds),
    maxPayload,
  });
  const firstMessageAuth = createFirstMessageAuth({
    maxWaiting: config.wsAuthWaiting,
    waitMs: config.wsAuthFirstMessageMs,
    maxPayload,
  });
  const authServers = [ticketAuth.wss, cookieAuth.wss, firstMessageAuth.wss];

  const endpoints = {
    '/ws/echo': echo,
    '/ws/push': push.wss,
    '/ws/stream-echo': streamEcho,
    '/ws/slow-reader': slowReader,
    '/ws/handshake': mirror,
    '/ws/flaky': createFlakyServer(maxPayload),
    // The one endpoint that compresses (docs/websocket/compression.mdx).
    '/ws/echo-deflate': createDeflateEchoServer(maxPayload),
  };
  const servers = [
    ...Object.values(endpoints),
    closing.wss,
    why.wss,
    inspector.wss,
    ...authServers,
  ];

  return {
    name: 'websocket',
    http: {
      '/close-reports/': guarded(closing.report),
      '/why/': guarded(why.http),
      '/ws-auth/ticket': guarded(ticketAuth.issue),
      '/ws-auth/session': guarded(cookieAuth.login),
    },
    websockets: {
      ...Object.fromEntries(
        Object.entries(endpoints).map(([path, wss]): [string, UpgradeHandler] => [
          path,
          (req, socket, head) => upgrade(wss, req, socket, head),
        ]),
      ),
      '/ws/close-report': whileRedisIsUp(redis, (req, socket, head) =>
        upgrade(closing.wss, req, socket, head),
      ),
      '/ws/why': guardedUpgrade(why.upgrade),
      '/ws/raw-echo': (req, socket, head) => {
        const connection = raw.handleUpgrade(req, socket, head);
        if (connection) inspector.attach(connection, req);
      },
      '/ws/raw-inspect': inspector.watch,
      '/ws/auth/ticket': guardedUpgrade(ticketAuth.open),
      '/ws/auth/cookie': guardedUpgrade(cookieAuth.open),
      '/ws/auth/first-message': firstMessageAuth.open,
    },
    websocketServers: [...servers, raw],
    health: () => ({
      pubsub: redis ? { kind: 'redis', ...redis.pubsub.status() } : { kind: 'memory' },
    }),
    async close() {
      push.close();
      if (closeReports instanceof RedisCloseReports) closeReports.close();
      await pushLog?.close();
      why.close();
      // A Redis broker is the playground's, closed with its connection.
      if (!redis) await pubsub.close();
    },
  };
}

/**
 * An upgrade handler that may wait on Redis: while Redis is out of
 * reach the handshake is refused with 503 and Retry-After, before any
 * WebSocket exists; any other failure is logged and the socket ended.
 */
function guardedUpgrade(
  open: (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>,
): UpgradeHandler {
  return (req, socket, head) => {
    open(req, socket, head).catch((error: unknown) => {
      if (error instanceof RedisUnavailable) {
        return refuseUpgrade(socket, 503, error.message, { 'Retry-After': '5' });
      }
      console.error(`wirebook: upgrade ${req.url}:`, error);
      socket.destroy();
    });
  };
}

/**
 * An endpoint whose every connection needs Redis (when there is one):
 * while it is out of reach, 503 and Retry-After before the upgrade,
 * rather than a WebSocket that could only be closed again.
 */
function whileRedisIsUp(redis: SharedRedis | null, open: UpgradeHandler): UpgradeHandler {
  return (req, socket, head) => {
    if (redis && !redis.up()) {
      const { message } = new RedisUnavailable();
      return refuseUpgrade(socket, 503, message, { 'Retry-After': '5' });
    }
    open(req, socket, head);
  };
}
