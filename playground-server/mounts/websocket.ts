// The WebSocket part's endpoints (docs/websocket/).

import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import type { Config } from '../config.ts';
import type { Mount } from '../mount.ts';

/** /ws/echo, from examples/websocket/echo-server.ts. */
export function websocketMount(config: Config): Mount {
  const echo = createEchoServer(config.wsMaxMessageBytes);
  return {
    name: 'websocket',
    websockets: {
      '/ws/echo': (req, socket, head) => upgrade(echo, req, socket, head),
    },
    websocketServers: [echo],
  };
}
