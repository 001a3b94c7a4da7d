// The playground's gRPC endpoints, over every protocol: Connect (JSON
// and binary) and gRPC-Web under /connect/, gRPC on GRPC_PORT, with
// the limits and the answers to bad input.

import { connect as connectHttp2 } from 'node:http2';
import { Code, ConnectError, createClient, type Transport } from '@connectrpc/connect';
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from '@connectrpc/connect-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { Arith, Clock } from './gen/arith_pb.ts';

let server: RunningServer;
let grpcPort: number;

beforeAll(async () => {
  server = await startTestServer({
    grpcMaxMessageBytes: 1024,
    grpcCallTimeLimitMs: 300,
    grpcMaxStreams: 4,
  });
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
    grpc: { port: number };
  };
  grpcPort = health.grpc.port;
});
afterAll(() => server.close());

const transports: [string, () => Transport][] = [
  [
    'Connect JSON',
    () => createConnectTransport({ baseUrl: `${server.url}/connect`, httpVersion: '1.1' }),
  ],
  [
    'Connect binary',
    () =>
      createConnectTransport({
        baseUrl: `${server.url}/connect`,
        httpVersion: '1.1',
        useBinaryFormat: true,
      }),
  ],
  [
    'gRPC-Web',
    () => createGrpcWebTransport({ baseUrl: `${server.url}/connect`, httpVersion: '1.1' }),
  ],
  ['gRPC', () => createGrpcTransport({ baseUrl: `http://127.0.0.1:${grpcPort}` })],
];

/** The code name and message of the error `call` rejects with. */
async function codeOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => ConnectError.from(e),
  );
  return error && [Code[error.code], error.rawMessage];
}

describe.each(transports)('over %s', (_, transport) => {
  test('Multiply, Divide and their errors', async () => {
    const arith = createClient(Arith, transport());
    expect(await arith.multiply({ a: 7, b: 8 })).toMatchObject({ value: 56 });
    expect(await arith.divide({ a: 17, b: 5 })).toMatchObject({ quo: 3, rem: 2 });
    expect(await codeOf(arith.divide({ a: 1, b: 0 }))).toEqual([
      'InvalidArgument',
      'divide by zero',
    ]);
  });

  test("deadlines: the caller's, then the server's time limit", async () => {
    const clock = createClient(Clock, transport());
    expect(await codeOf(clock.sleep({ ms: 2_000 }, { timeoutMs: 50 }))).toEqual([
      'DeadlineExceeded',
      'the operation timed out',
    ]);
    expect(await codeOf(clock.sleep({ ms: 2_000 }))).toEqual([
      'DeadlineExceeded',
      'time limit of 300 ms reached',
    ]);
  });

  test('a server stream, with its trailer', async () => {
    const clock = createClient(Clock, transport());
    let sent: string | null = null;
    const ticks: number[] = [];
    const options = { onTrailer: (t: Headers) => (sent = t.get('x-ticks-sent')) };
    for await (const tick of clock.ticks({ every: 20, count: 3 }, options)) ticks.push(tick.n);
    expect(ticks).toEqual([1, 2, 3]);
    expect(sent).toBe('3');
  });
});

test('health reports the gRPC port', () => {
  expect(grpcPort).toBeGreaterThan(0);
});

/** Sends `body` to `path` on GRPC_PORT as gRPC; resolves with the status fields. */
async function rawGrpc(path: string, body: Buffer) {
  const client = connectHttp2(`http://127.0.0.1:${grpcPort}`);
  const stream = client.request({
    ':method': 'POST',
    ':path': path,
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.end(body);
  const status = await new Promise<Record<string, unknown>>((resolve) => {
    // Trailers-only: the status comes in the headers, with no body.
    stream.on('response', (headers) => {
      if (headers['grpc-status']) resolve(headers);
    });
    stream.on('trailers', resolve);
    stream.resume();
  });
  client.close();
  return status;
}

test('a message over the limit is resource_exhausted, refused by its prefix', async () => {
  // The 5-byte prefix declares 4096 bytes, four times the limit.
  const prefix = Buffer.from([0, 0, 0, 0x10, 0]);
  const status = await rawGrpc(
    '/wirebook.arith.v1.Arith/Multiply',
    Buffer.concat([prefix, Buffer.alloc(4096)]),
  );
  expect(status['grpc-status']).toBe(String(Code.ResourceExhausted));
});

test("an unknown method is unimplemented, in each protocol's form", async () => {
  const connect = await fetch(`${server.url}/connect/wirebook.arith.v1.Arith/Power`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(connect.status).toBe(404);
  expect(await connect.json()).toEqual({
    code: 'unimplemented',
    message: 'no method at /connect/wirebook.arith.v1.Arith/Power',
  });
  const grpc = await rawGrpc('/wirebook.arith.v1.Arith/Power', Buffer.from([0, 0, 0, 0, 0]));
  expect(grpc).toMatchObject({
    ':status': 200,
    'grpc-status': String(Code.Unimplemented),
    'grpc-message': 'no%20method%20at%20%2Fwirebook.arith.v1.Arith%2FPower',
  });
});
