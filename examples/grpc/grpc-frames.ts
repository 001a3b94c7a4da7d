// gRPC as it travels over HTTP/2, with node:http2 and no gRPC library:
// a request's headers, its message in a 5-byte-prefixed frame, and the
// answer, whose status comes last, in HTTP/2 trailers. A browser's
// fetch cannot read trailers at all, which is why pages use gRPC-Web
// or Connect; the playground runs this one for the page.
//
// The format is grpc/grpc's PROTOCOL-HTTP2.md: Length-Prefixed-Message
// = Compressed-Flag (1 byte) Message-Length (4 bytes, big-endian)
// Message; the response ends with Trailers holding grpc-status.

import { connect, type IncomingHttpHeaders } from 'node:http2';
import type { DemoIO } from '../demo-io.ts';

// #region frame
/** A message in gRPC's frame: flag 0 (not compressed), length, bytes. */
export function frame(message: Uint8Array) {
  const framed = new Uint8Array(5 + message.length);
  new DataView(framed.buffer).setUint32(1, message.length);
  framed.set(message, 5);
  return framed;
}
// #endregion frame

/** What came back for one call. */
interface Answer {
  headers: IncomingHttpHeaders;
  body: Uint8Array;
  trailers: IncomingHttpHeaders;
}

/** The headers a status is told by, with HTTP/2's pseudo-headers. */
const shown = (headers: IncomingHttpHeaders, names: string[]) =>
  names
    .filter((name) => headers[name] !== undefined)
    .map((name) => `${name}: ${headers[name]}`)
    .join(', ');

// #region call
/** Sends one framed message to `path`; resolves with what came back. */
function call(
  origin: string,
  path: string,
  message: Uint8Array,
  extra: Record<string, string> = {},
) {
  const session = connect(origin);
  return new Promise<Answer>((resolve, reject) => {
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      // Required: says the client reads trailers (PROTOCOL-HTTP2.md).
      te: 'trailers',
      ...extra,
    });
    const chunks: Buffer[] = [];
    let headers: IncomingHttpHeaders = {};
    let trailers: IncomingHttpHeaders = {};
    stream.on('response', (h) => (headers = h));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('trailers', (t) => (trailers = t));
    stream.on('end', () => {
      session.close();
      resolve({ headers, body: Buffer.concat(chunks), trailers });
    });
    stream.on('error', reject);
    stream.end(frame(message));
  });
}
// #endregion call

// #region run
/** Multiply, an error, an unknown method and a deadline, raw. */
export async function run(io: DemoIO): Promise<void> {
  const health = await fetch(io.url('/healthz'), { signal: io.signal });
  const { grpc } = (await health.json()) as { grpc: { port: number } };
  const host = new URL(io.url('/')).hostname;
  const origin = `http://${host}:${grpc.port}`;
  const args = Uint8Array.of(0x08, 0x07, 0x10, 0x08); // a: 7, b: 8
  const calls: [string, string, Uint8Array, Record<string, string>][] = [
    ['Multiply', '/wirebook.arith.v1.Arith/Multiply', args, {}],
    [
      'Divide by 0',
      '/wirebook.arith.v1.Arith/Divide',
      Uint8Array.of(0x08, 0x01),
      {},
    ],
    ['Power', '/wirebook.arith.v1.Arith/Power', args, {}],
    // Sleep 1000 ms with a deadline of 100 ms: grpc-timeout is 100m.
    [
      'Sleep',
      '/wirebook.arith.v1.Clock/Sleep',
      Uint8Array.of(0x08, 0xe8, 0x07),
      { 'grpc-timeout': '100m' },
    ],
  ];
  for (const [name, path, message, extra] of calls) {
    const deadline = extra['grpc-timeout']
      ? `, grpc-timeout: ${extra['grpc-timeout']}`
      : '';
    io.log(`${name}: POST ${path}${deadline}`);
    io.sent(frame(message));
    const { headers, body, trailers } = await call(
      origin,
      path,
      message,
      extra,
    );
    io.log(
      `headers: ${shown(headers, [':status', 'content-type', 'grpc-status', 'grpc-message'])}`,
    );
    if (body.length > 0) io.received(body);
    if (Object.keys(trailers).length > 0) {
      io.log(`trailers: ${shown(trailers, ['grpc-status', 'grpc-message'])}`);
    }
  }
}
// #endregion run
