// The WebSocket part's endpoints (docs/websocket/).

import { createCloseReporter } from '../../examples/websocket/close-report.ts';
import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import { startHeartbeat } from '../../examples/websocket/heartbeat.ts';
import { createPushServer } from '../../examples/websocket/push-server.ts';
import { createSlowReader } from '../../examples/websocket/slow-reader.ts';
import { createStreamEchoServer } from '../../examples/websocket/stream-echo.ts';
import { createWhyServer } from '../../examples/websocket/why-server.ts';
import type { Config } from '../config.ts';
import type { Mount, UpgradeHandler } from '../mount.ts';
import { createMemoryPubSub } from '../pubsub.ts';

/** /ws/echo, from examples/websocket/echo-server.ts, and the rest. */
export function websocketMount(config: Config): Mount {
  const maxPayload = config.wsMaxMessageBytes;
  const echo = createEchoServer(maxPayload);
  const pubsub = createMemoryPubSub();
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

  const endpoints = {
    '/ws/echo': echo,
    '/ws/push': push.wss,
    '/ws/close-report': closing.wss,
    '/ws/stream-echo': streamEcho,
    '/ws/slow-reader': slowReader,
  };
  const servers = [...Object.values(endpoints), why.wss];
  // Every endpoint of this part pings its peers and drops the dead.
  const heartbeats = servers.map((wss) => startHeartbeat(wss, config.wsHeartbeatMs));

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
    },
    websocketServers: servers,
    async close() {
      for (const stop of heartbeats) stop();
      push.close();
      why.close();
      await pubsub.close();
    },
  };
}
