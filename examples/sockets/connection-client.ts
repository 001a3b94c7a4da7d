// Your own connection, as the playground sees it.
//
// This demo runs in your browser. It asks GET /sockets/connection,
// and the playground answers with the two ends of the TCP socket
// that carried the request, and how many descriptors it has open.

import type { DemoIO } from '../demo-io.ts';
import type { ConnectionReport } from './connection-report.ts';

// #region run
/** Shows both ends of this page's connection to the playground. */
export async function run(io: DemoIO): Promise<void> {
  const url = io.url('/sockets/connection');
  const response = await fetch(url, {
    signal: io.signal,
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  const report = (await response.json()) as ConnectionReport;

  io.log(report.protocol);
  io.show('table', [
    { end: 'you (remote)', ...report.remote },
    { end: 'playground (local)', ...report.local },
  ]);
  const fds = report.descriptors;
  if (fds === 'unknown') {
    io.log('the playground cannot count its descriptors here');
  } else {
    io.log(`the playground has ${fds.total} descriptors open:`);
    io.show('table', [fds]);
  }
}
// #endregion run
