// The client's four promises, over one WebSocket: calls in flight
// together, a batch, a timeout and a cancellation.

import type { DemoIO } from '../demo-io.ts';
import { overWebSocket } from './client-transports.ts';

// #region run
/** Concurrency, batching, a timeout and a cancel, in that order. */
export async function run(io: DemoIO): Promise<void> {
  const url = io.url('/ws/rpc', 'ws');
  const { client, close } = await overWebSocket(io.WebSocket, url, {
    signal: io.signal,
  });

  // Three calls in flight at once; each reply finds its call by id.
  const results = await Promise.all([
    client.call('Clock.sleep', { ms: 200 }),
    client.call('subtract', { minuend: 42, subtrahend: 23 }),
    client.call('sum', [1, 2, 4]),
  ]);
  io.log('concurrent:', results);

  // One message, three calls; each settles on its own.
  const batch = await client.batch([
    { method: 'Arith.Multiply', params: { A: 7, B: 8 } },
    { method: 'Arith.Divide', params: { A: 1, B: 0 } },
    { method: 'get_data' },
  ]);
  for (const outcome of batch) {
    io.log('batch:', outcome.ok ? outcome.result : outcome.error);
  }

  // The client stops waiting; the server's own limit is longer.
  try {
    await client.call('Clock.sleep', { ms: 2_000 }, { timeoutMs: 300 });
  } catch (error) {
    io.log('timeout:', (error as Error).name, error);
  }

  // Cancelling is the caller's choice, made with an AbortSignal.
  const cancel = new AbortController();
  const why = new DOMException('not needed', 'AbortError');
  setTimeout(() => cancel.abort(why), 100);
  try {
    const { signal } = cancel;
    await client.call('Clock.sleep', { ms: 2_000 }, { signal });
  } catch (error) {
    io.log('cancelled:', (error as Error).name, error);
  }
  io.log('closed with code', await close());
}
// #endregion run
