// The demos a page may run in the browser, by id. An id is the path of
// the example under examples/ without `.ts`. Each import becomes its
// own chunk, loaded when a reader first presses Run.

import type { Demo } from '../examples/demo-io.ts';

/** Browser-run demos; a <Cell demo="…"> must name one of these. */
export const browserDemos: Record<string, () => Promise<{ run: Demo }>> = {
  'sockets/connection-client': () =>
    import('../examples/sockets/connection-client.ts'),
  'sockets/ip-table': () => import('../examples/sockets/ip-table.ts'),
  'websocket/echo-client': () => import('../examples/websocket/echo-client.ts'),
  'websocket/handshake-client': () => import('../examples/websocket/handshake-client.ts'),
  'websocket/frame-walk': () => import('../examples/websocket/frame-walk.ts'),
  'websocket/raw-echo-client': () => import('../examples/websocket/raw-echo-client.ts'),
};
