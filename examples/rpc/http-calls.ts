// The tour over HTTP: every call is its own POST to /rpc.

import type { DemoIO } from '../demo-io.ts';
import { overHttp } from './client-transports.ts';
import { callThree, threeTicks } from './transport-tour.ts';

// #region run
/** Three calls as three requests; then a subscribe, refused. */
export async function run(io: DemoIO): Promise<void> {
  const url = io.url('/rpc');
  const client = overHttp(url, { tap: io, signal: io.signal });
  await callThree(client, io);
  // Each response ends its request: nothing can come back later.
  try {
    await threeTicks(client, io);
  } catch (error) {
    io.log('subscribe failed:', error);
  }
}
// #endregion run
