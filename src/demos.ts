// The demos a page may run in the browser, by id. An id is the path of
// the example under examples/ without `.ts`. Each import becomes its
// own chunk, loaded when a reader first presses Run.

import type { Demo } from '../examples/demo-io.ts';

/** Browser-run demos; a <Cell demo="…"> must name one of these. */
export const browserDemos: Record<string, () => Promise<{ run: Demo }>> = {
  'websocket/echo-client': () => import('../examples/websocket/echo-client.ts'),
  'websocket/why-client': () => import('../examples/websocket/why-client.ts'),
  'websocket/message-types': () => import('../examples/websocket/message-types.ts'),
  'websocket/close-handshake': () => import('../examples/websocket/close-handshake.ts'),
  'websocket/stream-client': () => import('../examples/websocket/stream-client.ts'),
  'websocket/buffered-amount': () => import('../examples/websocket/buffered-amount.ts'),
  'websocket/push-client': () => import('../examples/websocket/push-client.ts'),
};
