// What the registry lets through, asked over HTTP: Go's Arith calls,
// then one call for each way the registry says no.

import type { DemoIO } from '../demo-io.ts';
import { overHttp } from './client-transports.ts';
import type { RpcError } from './errors.ts';
import type { Params } from './messages.ts';

// #region run
/** Calls Arith as Go's docs do, then breaks each rule once. */
export async function run(io: DemoIO): Promise<void> {
  const client = overHttp(io.url('/rpc'), { signal: io.signal });
  const calls: [string, Params][] = [
    ['Arith.Multiply', { A: 7, B: 8 }],
    ['Arith.Divide', { A: 17, B: 5 }],
    ['Arith.Divide', [17, 5]],
    // Each of these fails; the error says which rule and why.
    ['Arith.Divide', { A: 1, B: 0 }],
    ['Arith.describe', []],
    ['Arith.Multiply', { A: '7', B: 8 }],
    ['Arith.Multiply', { A: 7 }],
    ['Arith.Multiply', { A: 7, B: 8, C: 9 }],
  ];
  for (const [method, params] of calls) {
    const call = `${method} ${JSON.stringify(params)}`;
    try {
      const result = await client.call(method, params);
      io.log(`${call} → ${JSON.stringify(result)}`);
    } catch (error) {
      const { code, message } = error as RpcError;
      io.log(`${call} ✗ ${code} ${message}`);
    }
  }
}
// #endregion run
