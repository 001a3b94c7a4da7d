// The tour over TCP, one JSON message a line. A browser cannot open
// a TCP connection, so this demo runs in Node (the tests, and the
// playground's own runner), never on the page.

import type { DemoIO } from '../demo-io.ts';
import { overTcp } from './tcp-client.ts';
import { callThree, threeTicks } from './transport-tour.ts';

// #region run
/** Three calls on one TCP connection; then pushed ticks. */
export async function run(io: DemoIO): Promise<void> {
  // The playground says which port speaks JSON-RPC over TCP.
  const health = await fetch(io.url('/healthz'), { signal: io.signal });
  const { rpc } = (await health.json()) as { rpc: { tcpPort: number } };
  const host = new URL(io.url('/')).hostname.replace(/^\[|\]$/g, '');
  const { client, close } = await overTcp(host, rpc.tcpPort, {
    tap: io,
    signal: io.signal,
  });
  io.log(`connected to ${host} port ${rpc.tcpPort}`);
  await callThree(client, io);
  await threeTicks(client, io);
  await close();
  io.log('closed');
}
// #endregion run
