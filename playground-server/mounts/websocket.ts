// The WebSocket part's endpoints (docs/websocket/).

import { createCloseReporter } from '../../examples/websocket/close-report.ts';
import { createDeflateEchoServer } from '../../examples/websocket/deflate-echo.ts';
import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import { createHandshakeMirror } from '../../examples/websocket/handshake-mirror.ts';
import { createMemoryPubSub } from '../../examples/websocket/pubsub.ts';
import { createPushServer } from '../../examples/websocket/push-server.ts';
import { RawEchoServer } from '../../examples/websocket/raw-server.ts';
import { createSlowReader } from '../../examples/websocket/slow-reader.ts';
import { createStreamEchoServer } from '../../examples/websocket/stream-echo.ts';
import { createWhyServer } from '../../examples/websocket/why-server.ts';
import type { Config } from '../config.ts';
import { createFrameInspector } from '../frame-inspector.ts';
import type { Mount, UpgradeHandler } from '../mount.ts';
import { createRedisPubSub } from '../pubsub-redis.ts';

/** An inspector stays open this long at most (a cell runs for 30 s). */
const INSPECT_MS = 60_000;

/** /ws/echo, from examples/websocket/echo-server.ts, and the rest. */
export function websocketMount(config: Config): Mount {
  const maxPayload = config.wsMaxMessageBytes;
  const echo = createEchoServer(maxPayload);
  // With REDIS_URL, chat and presence are shared by every instance
  // on the same Redis; without it, by the readers of this process.
  const redis = config.redisUrl === null ? null : createRedisPubSub(config.redisUrl);
  const pubsub = redis ?? createMemoryPubSub();
  const push = createPushServer({
    pubsub,
    tickMs: config.pushTickMs,
    maxPayload,
    sendQueueBytes: config.wsSendQueueBytes,
    chat: {
      maxChars: config.chatMaxChars,
      perMinute: config.chatPerMinute,
      burst: config.chatBurst,
    },
  });
  const closing = createCloseReporter(maxPayload);
  const streamEcho = createStreamEchoServer(maxPayload);
  const slowReader = createSlowReader(maxPayload);
  const why = createWhyServer({ maxRuns: config.whyMaxRuns });
  const mirror = createHandshakeMirror();
  const raw = new RawEchoServer({ maxMessageBytes: maxPayload });
  const inspector = createFrameInspector({
    watchers: config.wsInspectors,
    frames: config.wsInspectFrames,
    watchMs: INSPECT_MS,
  });

  const endpoints = {
    '/ws/echo': echo,
    '/ws/push': push.wss,
    '/ws/close-report': closing.wss,
    '/ws/stream-echo': streamEcho,
    '/ws/slow-reader': slowReader,
    '/ws/handshake': mirror,
    // The one endpoint that compresses (docs/websocket/compression.mdx).
    '/ws/echo-deflate': createDeflateEchoServer(maxPayload),
  };
  const servers = [...Object.values(endpoints), why.wss, inspector.wss];

  return {
    name: 'websocket',
    http: {
      '/close-reports/': closing.report,
      '/why/': why.http,
    },
    websockets: {
      ...Object.fromEntries(
        Object.entries(endpoints).map(([path, wss]): [string, UpgradeHandler] => [
          path,
          (req, socket, head) => upgrade(wss, req, socket, head),
        ]),
      ),
      '/ws/why': why.upgrade,
      '/ws/raw-echo': (req, socket, head) => {
        const connection = raw.handleUpgrade(req, socket, head);
        if (connection) inspector.attach(connection, req);
      },
      '/ws/raw-inspect': inspector.watch,
    },
    websocketServers: [...servers, raw],
    health: () => ({
      pubsub: redis ? { kind: 'redis', ...redis.status() } : { kind: 'memory' },
    }),
    async close() {
      push.close();
      why.close();
      await pubsub.close();
    },
  };
}
