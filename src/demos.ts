// The demos a page may run in the browser, by id. An id is the path of
// the example under examples/ without `.ts`. Each import becomes its
// own chunk, loaded when a reader first presses Run.

import type { Demo } from '../examples/demo-io.ts';

/** Browser-run demos; a <Cell demo="…"> must name one of these. */
export const browserDemos: Record<string, () => Promise<{ run: Demo }>> = {
  'sockets/connection-client': () => import('../examples/sockets/connection-client.ts'),
  'sockets/ip-table': () => import('../examples/sockets/ip-table.ts'),
  'websocket/echo-client': () => import('../examples/websocket/echo-client.ts'),
  'websocket/handshake-client': () => import('../examples/websocket/handshake-client.ts'),
  'websocket/frame-walk': () => import('../examples/websocket/frame-walk.ts'),
  'websocket/raw-echo-client': () => import('../examples/websocket/raw-echo-client.ts'),
  'rest/resources-client': () => import('../examples/rest/resources-client.ts'),
  'rest/representations-client': () => import('../examples/rest/representations-client.ts'),
  'rest/verbs-client': () => import('../examples/rest/verbs-client.ts'),
  'rest/conditional-client': () => import('../examples/rest/conditional-client.ts'),
  'rest/stateless-client': () => import('../examples/rest/stateless-client.ts'),
  'rest/layers-client': () => import('../examples/rest/layers-client.ts'),
  'rest/errors-client': () => import('../examples/rest/errors-client.ts'),
  'rest/pagination-client': () => import('../examples/rest/pagination-client.ts'),
  'rest/rate-limit-client': () => import('../examples/rest/rate-limit-client.ts'),
  'rest/retries-client': () => import('../examples/rest/retries-client.ts'),
  'rest/validators-client': () => import('../examples/rest/validators-client.ts'),
  'rest/typed-client': () => import('../examples/rest/typed-client.ts'),
  'rest/cors-client': () => import('../examples/rest/cors-client.ts'),
  'rpc/arith-calls': () => import('../examples/rpc/arith-calls.ts'),
  'rpc/codec-sizes': () => import('../examples/rpc/codec-sizes.ts'),
  'rpc/http-calls': () => import('../examples/rpc/http-calls.ts'),
  'rpc/websocket-calls': () => import('../examples/rpc/websocket-calls.ts'),
  'rpc/spec-tour': () => import('../examples/rpc/spec-tour.ts'),
  'rpc/client-tour': () => import('../examples/rpc/client-tour.ts'),
  'websocket/why-client': () => import('../examples/websocket/why-client.ts'),
  'websocket/message-types': () => import('../examples/websocket/message-types.ts'),
  'websocket/close-handshake': () => import('../examples/websocket/close-handshake.ts'),
  'websocket/stream-client': () => import('../examples/websocket/stream-client.ts'),
  'websocket/buffered-amount': () => import('../examples/websocket/buffered-amount.ts'),
  'websocket/push-client': () => import('../examples/websocket/push-client.ts'),
  'websocket/reconnect-minimal': () => import('../examples/websocket/reconnect-minimal.ts'),
  'websocket/reconnecting-client': () => import('../examples/websocket/reconnecting-client.ts'),
  'websocket/half-open-client': () => import('../examples/websocket/half-open-client.ts'),
  'websocket/auth-ticket-client': () => import('../examples/websocket/auth-ticket-client.ts'),
  'websocket/auth-cookie-client': () => import('../examples/websocket/auth-cookie-client.ts'),
  'websocket/auth-first-message-client': () =>
    import('../examples/websocket/auth-first-message-client.ts'),
  'websocket/deflate-client': () => import('../examples/websocket/deflate-client.ts'),
  'grpc/protobuf-bytes': () => import('../examples/grpc/protobuf-bytes.ts'),
  'grpc/connect-calls': () => import('../examples/grpc/connect-calls.ts'),
  'grpc/connect-errors': () => import('../examples/grpc/connect-errors.ts'),
  'grpc/clock-ticks': () => import('../examples/grpc/clock-ticks.ts'),
};
