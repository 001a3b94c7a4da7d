// The WebSocket part's endpoints (docs/websocket/).

import { createCloseReporter } from '../../examples/websocket/close-report.ts';
import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import { startHeartbeat } from '../../examples/websocket/heartbeat.ts';
import { createPushServer } from '../../examples/websocket/push-server.ts';
import {
  createStreamEchoServer,
  upgradeStream,
} from '../../examples/websocket/stream-echo.ts';
import type { Config } from '../config.ts';
import type { Mount } from '../mount.ts';
import { createMemoryPubSub } from '../pubsub.ts';

/** /ws/echo, from examples/websocket/echo-server.ts, and the rest. */
export function websocketMount(config: Config): Mount {
  const echo = createEchoServer(config.wsMaxMessageBytes);
  const pubsub = createMemoryPubSub();
  const push = createPushServer({
    pubsub,
    tickMs: config.pushTickMs,
    maxPayload: config.wsMaxMessageBytes,
    sendQueueBytes: config.wsSendQueueBytes,
    chat: {
      maxChars: config.chatMaxChars,
      perMinute: config.chatPerMinute,
      burst: config.chatBurst,
    },
  });
  const closing = createCloseReporter(config.wsMaxMessageBytes);
  const streamEcho = createStreamEchoServer(config.wsMaxMessageBytes);
  const servers = [echo, push.wss, closing.wss, streamEcho];
  // Every endpoint of this part pings its peers and drops the dead.
  const heartbeats = servers.map((wss) => startHeartbeat(wss, config.wsHeartbeatMs));

  return {
    name: 'websocket',
    http: {
      '/close-reports/': closing.report,
    },
    websockets: {
      '/ws/echo': (req, socket, head) => upgrade(echo, req, socket, head),
      '/ws/push': push.upgrade,
      '/ws/close-report': closing.upgrade,
      '/ws/stream-echo': (req, socket, head) =>
        upgradeStream(streamEcho, req, socket, head),
    },
    websocketServers: servers,
    async close() {
      for (const stop of heartbeats) stop();
      push.close();
      await pubsub.close();
    },
  };
}
