// The one service object every transport serves: the methods of the
// specification's examples, Go's Arith, and the Clock.

import { registerArith } from './arith.ts';
import { registerClock } from './clock.ts';
import type { Params } from './messages.ts';
import { Registry } from './registry.ts';
import { JsonRpcServer, type ServerOptions } from './server.ts';
import { registerSpecMethods } from './spec-methods.ts';

// #region server
/** A registry holding every method the playground offers. */
export function createRegistry() {
  const registry = new Registry();
  registerSpecMethods(registry);
  registerArith(registry);
  registerClock(registry);
  return registry;
}

/** The JSON-RPC server the playground mounts on three transports. */
export function createRpcServer(options: Partial<ServerOptions> = {}) {
  return new JsonRpcServer(createRegistry(), {
    maxBatch: 100,
    timeLimitMs: 5_000,
    ...options,
  });
}
// #endregion server

/** Params to start from, for each method, in the console. */
export const EXAMPLE_PARAMS: Record<string, Params> = {
  subtract: [42, 23],
  sum: [1, 2, 4],
  get_data: [],
  update: [1, 2, 3, 4, 5],
  notify_hello: [7],
  notify_sum: [1, 2, 4],
  'Arith.Multiply': { A: 7, B: 8 },
  'Arith.Divide': { A: 17, B: 5 },
  'Clock.sleep': { ms: 250 },
  'Clock.subscribe': { every: 200, count: 3 },
};
