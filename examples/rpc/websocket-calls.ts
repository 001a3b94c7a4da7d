// The tour over a WebSocket: one connection for every call.

import type { DemoIO } from '../demo-io.ts';
import { overWebSocket } from './client-transports.ts';
import { callThree, threeTicks } from './transport-tour.ts';

// #region run
/** Three calls on one connection; then ticks the server pushes. */
export async function run(io: DemoIO): Promise<void> {
  const url = io.url('/ws/rpc', 'ws');
  const { client, close } = await overWebSocket(io.WebSocket, url, {
    tap: io,
    signal: io.signal,
  });
  io.log('connected to', url);
  await callThree(client, io);
  await threeTicks(client, io);
  io.log('closed with code', await close());
}
// #endregion run
