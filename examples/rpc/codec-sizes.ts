// The same messages in JSON and in MessagePack: how big each is, what
// the bytes look like, and a call made in MessagePack end to end.

import type { DemoIO } from '../demo-io.ts';
import { overWebSocket } from './client-transports.ts';
import { json, msgpack } from './codecs.ts';

/** Messages a JSON-RPC client and server really exchange. */
const MESSAGES: [string, unknown][] = [
  [
    'a call',
    {
      jsonrpc: '2.0',
      method: 'Arith.Multiply',
      params: { A: 7, B: 8 },
      id: 1,
    },
  ],
  ['its reply', { jsonrpc: '2.0', result: 56, id: 1 }],
  [
    'an error',
    {
      jsonrpc: '2.0',
      error: { code: 1, message: 'divide by zero' },
      id: 2,
    },
  ],
  [
    'a batch of 3',
    [1, 2, 3].map((id) => ({
      jsonrpc: '2.0',
      method: 'sum',
      params: [id, 1000 * id, 1e6 * id],
      id,
    })),
  ],
  ['floats', { jsonrpc: '2.0', result: [0.1, 2.5, 1e100], id: 3 }],
];

const size = (data: string | Uint8Array) =>
  typeof data === 'string'
    ? new TextEncoder().encode(data).length
    : data.length;

// #region run
/** Compares sizes, shows one message's bytes, then calls with them. */
export async function run(io: DemoIO): Promise<void> {
  io.show(
    'table',
    MESSAGES.map(([message, value]) => {
      const asJson = json.encode(value);
      const asMsgpack = msgpack.encode(value);
      const saved = 1 - size(asMsgpack) / size(asJson);
      return {
        message,
        'JSON bytes': size(asJson),
        'MessagePack bytes': size(asMsgpack),
        saved: `${Math.round(saved * 100)}%`,
      };
    }),
  );
  // A WebSocket carries MessagePack as binary frames: the server
  // answers a binary frame in MessagePack, a text frame in JSON.
  const url = io.url('/ws/rpc', 'ws');
  const { client, close } = await overWebSocket(io.WebSocket, url, {
    codec: msgpack,
    tap: io,
    signal: io.signal,
  });
  const product = await client.call('Arith.Multiply', { A: 7, B: 8 });
  io.log('7 × 8 =', product);
  await close();
}
// #endregion run
