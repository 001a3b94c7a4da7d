// The smallest reconnecting client: whenever the connection closes,
// wait a moment and open another. It survives a drop, and it shows
// what is still missing: /ws/flaky counts from 1 on every connection,
// so this client reads the same three messages three times.

import type { DemoIO } from '../demo-io.ts';

// #region run
/** Reads /ws/flaky, reconnecting half a second after each drop. */
export async function run(io: DemoIO): Promise<void> {
  // Three connections, so that the cell ends; a real client loops on.
  for (let connection = 1; connection <= 3; connection++) {
    const code = await new Promise<number>((resolve) => {
      const ws = new io.WebSocket(io.url('/ws/flaky?after=3', 'ws'));
      ws.onmessage = (event) => io.received(event.data);
      ws.onclose = (event) => resolve(event.code);
      io.signal.addEventListener('abort', () => ws.close());
    });
    io.log(`closed with ${code}`);
    if (connection < 3) {
      io.log('connecting again in 500 ms');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
// #endregion run
