// The demos the playground runs itself, for pages whose code a
// browser cannot run (raw TCP and UDP sockets, RPC over TCP). A page asks for one
// by id over WS /ws/run and gets its lines back; no code a reader
// sends ever runs. An id is the example's path under examples/
// without `.ts`, as in src/demos.ts.
//
// To add one: list it here, test it with runInNode, and show it with
// <Cell demo="…" runner="playground">.

import type { Demo } from '../examples/demo-io.ts';

/** Demos by id, each loaded when first run. */
export type ServerDemos = Record<string, () => Promise<{ run: Demo }>>;

/** The allow-list: what WS /ws/run may run. */
export const serverDemos: ServerDemos = {
  'sockets/tcp-client': () => import('../examples/sockets/tcp-client.ts'),
  'sockets/tcp-errors': () => import('../examples/sockets/tcp-errors.ts'),
  'sockets/reads-and-writes': () => import('../examples/sockets/reads-and-writes.ts'),
  'sockets/udp-client': () => import('../examples/sockets/udp-client.ts'),
  'rpc/first-call': () => import('../examples/rpc/first-call.ts'),
  'rpc/tcp-calls': () => import('../examples/rpc/tcp-calls.ts'),
  'rpc/go-client': () => import('../examples/rpc/go-client.ts'),
  'rest/raw-exchange': () => import('../examples/rest/raw-exchange.ts'),
  'grpc/grpc-frames': () => import('../examples/grpc/grpc-frames.ts'),
};
