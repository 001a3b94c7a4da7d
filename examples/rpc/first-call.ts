// The smallest RPC: one request out, one response back, as lines of
// JSON on a TCP connection. No library and no framework: a socket, a
// line written, a line read. Every later page builds on this exchange.

import { connect } from 'node:net';
import type { DemoIO } from '../demo-io.ts';

// #region request
/** Arith.Multiply with A = 7 and B = 8, in JSON-RPC 2.0. */
export const REQUEST = JSON.stringify({
  jsonrpc: '2.0',
  method: 'Arith.Multiply',
  params: { A: 7, B: 8 },
  id: 1,
});
// #endregion request

// #region call
/** Writes `request` and a newline; resolves with the first line back. */
export function callOnce(host: string, port: number, request: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, host, () => socket.write(`${request}\n`));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end === -1) return; // Not a whole line yet: keep reading.
      socket.end();
      resolve(received.slice(0, end));
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('closed before a reply')));
  });
}
// #endregion call

// #region run
/** One call to the playground's JSON-RPC port, shown as it travels. */
export async function run(io: DemoIO): Promise<void> {
  const health = await fetch(io.url('/healthz'), { signal: io.signal });
  const { rpc } = (await health.json()) as { rpc: { tcpPort: number } };
  const host = new URL(io.url('/')).hostname.replace(/^\[|\]$/g, '');
  io.log(`connecting to ${host} port ${rpc.tcpPort}`);
  io.sent(REQUEST);
  const reply = await callOnce(host, rpc.tcpPort, REQUEST);
  io.received(reply);
  const bytes = (text: string) => new TextEncoder().encode(text).length + 1;
  io.log(
    `${bytes(REQUEST)} bytes out, ${bytes(reply)} back, each ending in \\n`,
  );
}
// #endregion run

// #region main
// From a terminal: node examples/rpc/first-call.ts [host] [port]
if (import.meta.main) {
  const [host = '127.0.0.1', port = '8301'] = process.argv.slice(2);
  console.log(`→ ${REQUEST}`);
  console.log(`← ${await callOnce(host, Number(port), REQUEST)}`);
}
// #endregion main
