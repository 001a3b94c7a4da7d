// Clock.Ticks, a server stream, from the page: one request, then
// messages as the server writes them, each in its own 5-byte-prefixed
// envelope of one HTTP response. The Connect protocol streams over
// fetch, so any browser can read it; Stop aborts the fetch, and the
// server sees its call canceled.

import { create, toBinary, toJsonString } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-web';
import type { DemoIO } from '../demo-io.ts';
import { Clock, TickSchema } from './gen/arith_pb.ts';

/** What one tick costs on the wire in each of three streams. */
function costs(n: number, of: number) {
  const tick = create(TickSchema, { n, of });
  // The same tick as a JSON-RPC notification over /ws/rpc.
  const notification = JSON.stringify({
    jsonrpc: '2.0',
    method: 'tick',
    params: { n, of },
  });
  const prefix = 5;
  return [
    `Connect JSON ${prefix + toJsonString(TickSchema, tick).length}`,
    `Connect binary ${prefix + toBinary(TickSchema, tick).length}`,
    // A server's WebSocket frame: a 2-byte header below 126 bytes.
    `JSON-RPC over WebSocket ${2 + notification.length}`,
  ].join(', ');
}

// #region run
/** Streams ticks until the stream ends or Stop is pressed. */
export async function run(io: DemoIO): Promise<void> {
  const transport = createConnectTransport({ baseUrl: io.url('/connect') });
  const clock = createClient(Clock, transport);
  const ticks = clock.ticks({ every: 500, count: 100 }, { signal: io.signal });
  for await (const { n, of } of ticks) {
    io.log(`tick ${n} of ${of}`);
    if (n === 1) io.log(`bytes per tick: ${costs(n, of)}`);
  }
}
// #endregion run
