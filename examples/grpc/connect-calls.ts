// Arith called from the page: the same Multiply in the Connect
// protocol (JSON, then binary) and in gRPC-Web, with the bytes each
// puts in the HTTP body. connect-web makes its requests with the
// browser's own fetch, so the page needs no proxy and no HTTP/2.

import { createClient, type Transport } from '@connectrpc/connect';
import {
  createConnectTransport,
  createGrpcWebTransport,
} from '@connectrpc/connect-web';
import type { DemoIO } from '../demo-io.ts';
import { Arith } from './gen/arith_pb.ts';

/** A fetch that shows each body: text for JSON, bytes otherwise. */
function tap(io: DemoIO): typeof fetch {
  const text = (type: string | null) => type?.includes('json') ?? false;
  return async (input, init) => {
    const type = new Headers(init?.headers).get('content-type');
    const body = init?.body as Uint8Array;
    io.sent(text(type) ? new TextDecoder().decode(body) : body);
    const response = await fetch(input, init);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    const back = response.headers.get('content-type');
    io.received(text(back) ? new TextDecoder().decode(bytes) : bytes);
    return response;
  };
}

// #region run
/** Multiply in each protocol a browser can speak. */
export async function run(io: DemoIO): Promise<void> {
  const baseUrl = io.url('/connect');
  const fetch = tap(io);
  const protocols: [string, Transport][] = [
    ['Connect, JSON', createConnectTransport({ baseUrl, fetch })],
    [
      'Connect, binary',
      createConnectTransport({ baseUrl, fetch, useBinaryFormat: true }),
    ],
    ['gRPC-Web', createGrpcWebTransport({ baseUrl, fetch })],
  ];
  for (const [name, transport] of protocols) {
    io.log(`${name}:`);
    const arith = createClient(Arith, transport);
    const { value } = await arith.multiply(
      { a: 7, b: 8 },
      { signal: io.signal },
    );
    io.log(`7 × 8 = ${value}`);
  }
}
// #endregion run
