// The WebSocket part's endpoints (docs/websocket/).

import { createEchoServer, upgrade } from '../../examples/websocket/echo-server.ts';
import { createHandshakeMirror } from '../../examples/websocket/handshake-mirror.ts';
import { RawEchoServer } from '../../examples/websocket/raw-server.ts';
import type { Config } from '../config.ts';
import { createFrameInspector } from '../frame-inspector.ts';
import type { Mount } from '../mount.ts';

/** An inspector stays open this long at most (a cell runs for 30 s). */
const INSPECT_MS = 60_000;

/** /ws/echo and the wire-level endpoints built from examples/websocket/. */
export function websocketMount(config: Config): Mount {
  const echo = createEchoServer(config.wsMaxMessageBytes);
  const raw = new RawEchoServer({ maxMessageBytes: config.wsMaxMessageBytes });
  const mirror = createHandshakeMirror();
  const inspector = createFrameInspector({
    watchers: config.wsInspectors,
    frames: config.wsInspectFrames,
    watchMs: INSPECT_MS,
  });
  return {
    name: 'websocket',
    websockets: {
      '/ws/echo': (req, socket, head) => upgrade(echo, req, socket, head),
      '/ws/raw-echo': (req, socket, head) => {
        const connection = raw.handleUpgrade(req, socket, head);
        if (connection) inspector.attach(connection, req);
      },
      '/ws/raw-inspect': inspector.watch,
      '/ws/handshake': (req, socket, head) => upgrade(mirror, req, socket, head),
    },
    websocketServers: [echo, raw, mirror, inspector.wss],
  };
}
