// The demos a page may run in the browser, by id. An id is the path of
// the example under examples/ without `.ts`. Each import becomes its
// own chunk, loaded when a reader first presses Run.

import type { Demo } from '../examples/demo-io.ts';

/** Browser-run demos; a <Cell demo="…"> must name one of these. */
export const browserDemos: Record<string, () => Promise<{ run: Demo }>> = {
  'websocket/echo-client': () => import('../examples/websocket/echo-client.ts'),
  'rpc/arith-calls': () => import('../examples/rpc/arith-calls.ts'),
  'rpc/codec-sizes': () => import('../examples/rpc/codec-sizes.ts'),
  'rpc/http-calls': () => import('../examples/rpc/http-calls.ts'),
  'rpc/websocket-calls': () => import('../examples/rpc/websocket-calls.ts'),
  'rpc/spec-tour': () => import('../examples/rpc/spec-tour.ts'),
  'rpc/client-tour': () => import('../examples/rpc/client-tour.ts'),
};
