// Calling Go's Arith from TypeScript, in Go's own wire format.
//
// The same JsonRpcClient as everywhere else, given Go's dialect and
// a TCP connection: that is all it takes to call a Go program that
// serves net/rpc with the jsonrpc codec (examples/go/arith-server.go).
// The playground's RPC_GO_PORT speaks the same format, so this demo
// runs against it, and the tests run it against the real Go server.

import type { DemoIO } from '../demo-io.ts';
import type { JsonRpcClient } from './client.ts';
import { goDialect } from './go-codec.ts';
import { overTcp } from './tcp-client.ts';

// #region calls
/** Go's documented calls: a product, a quotient, and an error. */
export async function callArith(client: JsonRpcClient, io: DemoIO) {
  const product = await client.call('Arith.Multiply', { A: 7, B: 8 });
  io.log('7 × 8 =', product);
  const quotient = await client.call('Arith.Divide', { A: 17, B: 5 });
  io.log('17 ÷ 5 =', quotient);
  try {
    await client.call('Arith.Divide', { A: 1, B: 0 });
  } catch (error) {
    // Go's error crosses the wire as text and nothing more.
    io.log('1 ÷ 0 failed:', error);
  }
}
// #endregion calls

// #region connect
/** Connects to a Go-format JSON-RPC server at host:port. */
export function dialGo(host: string, port: number, io: DemoIO) {
  return overTcp(host, port, {
    dialect: goDialect,
    tap: io,
    signal: io.signal,
  });
}
// #endregion connect

// #region run
/** Calls Arith on the playground's Go-format port. */
export async function run(io: DemoIO): Promise<void> {
  const health = await fetch(io.url('/healthz'), { signal: io.signal });
  const { rpc } = (await health.json()) as { rpc: { goPort: number } };
  const host = new URL(io.url('/')).hostname.replace(/^\[|\]$/g, '');
  const { client, close } = await dialGo(host, rpc.goPort, io);
  await callArith(client, io);
  await close();
}
// #endregion run
