// What the three transport demos do, each over its own transport:
// three calls at once, then a subscription.

import type { DemoIO } from '../demo-io.ts';
import type { JsonRpcClient } from './client.ts';

// #region calls
/** Three calls at once; each result is logged as it arrives. */
export async function callThree(client: JsonRpcClient, io: DemoIO) {
  const calls = [
    client.call('Clock.sleep', { ms: 300 }),
    client.call('Clock.sleep', { ms: 100 }),
    client.call('Arith.Multiply', { A: 6, B: 7 }),
  ];
  await Promise.all(
    calls.map(async (call, i) => {
      io.log(`call ${i + 1} answered:`, await call);
    }),
  );
}

/** Asks for three ticks; resolves when the last one arrives. */
export function threeTicks(client: JsonRpcClient, io: DemoIO) {
  return new Promise<void>((resolve, reject) => {
    client.onNotification = (method, params) => {
      io.log('pushed:', method, params);
      if ((params as { n?: number } | undefined)?.n === 3) resolve();
    };
    const params = { every: 100, count: 3 };
    client.call('Clock.subscribe', params).catch(reject);
  });
}
// #endregion calls
