// The gRPC port and the Connect paths under attack: malformed frames,
// oversized messages, unknown methods, random bytes as bodies and as
// raw TCP, a flood of streams on one connection and of connections on
// the port. Each gets the status gRPC specifies (grpc/grpc
// doc/statuscodes.md: a request that cannot be parsed is INTERNAL, a
// wrong number of request messages UNIMPLEMENTED, a message over the
// limit RESOURCE_EXHAUSTED), no other connection notices, and nothing
// escapes to the process.

import { connect as connectHttp2 } from 'node:http2';
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../support/playground.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

const MAX_MESSAGE = 1024;
const MAX_STREAMS = 8;
const MAX_CONNECTIONS = 20;

let server: RunningServer;
let grpcPort: number;

beforeAll(async () => {
  server = await startTestServer({
    grpcMaxMessageBytes: MAX_MESSAGE,
    grpcMaxStreams: MAX_STREAMS,
    grpcMaxConnections: MAX_CONNECTIONS,
  });
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
    grpc: { port: number };
  };
  grpcPort = health.grpc.port;
});
afterAll(() => server.close());

/** POSTs `body` as gRPC to `path` on GRPC_PORT; resolves with the status fields. */
async function grpcCall(body: Uint8Array, path = '/wirebook.arith.v1.Arith/Multiply') {
  const session = connectHttp2(`http://127.0.0.1:${grpcPort}`);
  const status = await new Promise<Record<string, unknown>>((resolve, reject) => {
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let headers: Record<string, unknown> = {};
    stream.on('response', (h) => (headers = h));
    stream.on('trailers', (t) => resolve({ ...headers, ...t }));
    // Trailers-only: the status is in the headers, and the stream ends.
    stream.on('end', () => resolve(headers));
    stream.on('error', reject);
    stream.resume();
    stream.end(body);
  });
  session.close();
  return status;
}

/** A gRPC frame: flags, a big-endian length, then `message`. */
const frame = (message: number[], flags = 0, length = message.length) =>
  Uint8Array.from([
    flags,
    length >>> 24,
    (length >>> 16) & 255,
    (length >>> 8) & 255,
    length & 255,
    ...message,
  ]);

/** Multiply 7 × 8 over gRPC still answers 56. */
async function stillServing() {
  const status = await grpcCall(frame([0x08, 0x07, 0x10, 0x08]));
  expect(status['grpc-status']).toBe('0');
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

describe('malformed gRPC requests get the status the specification gives', () => {
  test.each([
    ['a frame that declares more than arrives', frame([8, 7], 0, 10), '3'],
    ['the compressed flag with no grpc-encoding', frame([8, 7], 1), '13'],
    ['a message that is not protobuf', frame([0xff, 0xff, 0xff]), '13'],
    ['no message for a unary method', new Uint8Array(0), '12'],
    ['two messages for a unary method', Uint8Array.from([...frame([]), ...frame([])]), '12'],
    ['a frame over the size limit', frame([], 0, MAX_MESSAGE + 1), '8'],
  ])('%s: grpc-status %s', async (_, body, expected) => {
    expect((await grpcCall(body))['grpc-status']).toBe(expected);
    await stillServing();
  });

  test('an unknown method is unimplemented (12)', async () => {
    const status = await grpcCall(frame([]), '/wirebook.arith.v1.Arith/Power');
    expect(status['grpc-status']).toBe('12');
  });

  test('random bodies: always a status, one of those above or OK', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (body) => {
        const status = await grpcCall(body);
        expect(['0', '3', '8', '12', '13']).toContain(status['grpc-status']);
      }),
      { numRuns: 60 },
    );
    await stillServing();
  });
});

describe('the Connect paths', () => {
  const multiply = `/connect/wirebook.arith.v1.Arith/Multiply`;
  const post = (type: string, body: Uint8Array | string) =>
    fetch(`${server.url}${multiply}`, {
      method: 'POST',
      headers: { 'content-type': type },
      // A copy, so the body owns a plain ArrayBuffer, as fetch's types ask.
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  test.each([
    ['JSON that does not parse', 'application/json', '{"a":', 400, 'invalid_argument'],
    ['a field the contract lacks', 'application/json', '{"a":7,"c":1}', 400, 'invalid_argument'],
    [
      'binary that is not protobuf',
      'application/proto',
      Uint8Array.of(0xff, 0xff),
      500,
      'internal',
    ],
    [
      'a body over the size limit',
      'application/proto',
      new Uint8Array(MAX_MESSAGE + 1),
      429,
      'resource_exhausted',
    ],
  ])('%s: HTTP %s, %s', async (_, type, body, status, code) => {
    const response = await post(type, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });

  test('a Content-Type none of the protocols use gets 415', async () => {
    expect((await post('text/plain', 'x')).status).toBe(415);
  });

  test('random bodies in each protocol: a specified answer, never a crash', async () => {
    const types = ['application/json', 'application/proto', 'application/grpc-web+proto'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.uint8Array({ maxLength: 64 }),
        async (type, body) => {
          const response = await post(type, body);
          await response.arrayBuffer();
          // gRPC-Web answers 200 with its status in a trailer frame.
          expect([200, 400, 429, 500]).toContain(response.status);
        },
      ),
      { numRuns: 60 },
    );
    await stillServing();
  });
});

/** The client connection preface every HTTP/2 connection starts with. */
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

/** Connects to GRPC_PORT and writes `bytes`; resolves with what came back by close. */
function rawTcp(bytes: Uint8Array, waitMs = 2_000) {
  return new Promise<{ received: Buffer; closed: boolean; socket: Socket }>((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(grpcPort, '127.0.0.1', () => socket.write(bytes));
    const done = (closed: boolean) => resolve({ received: Buffer.concat(chunks), closed, socket });
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

test('random bytes at GRPC_PORT end their own connection, nothing more', async () => {
  const notPreface = fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .filter(
      (bytes) => !PREFACE.subarray(0, bytes.length).equals(Buffer.from(bytes.subarray(0, 24))),
    );
  await fc.assert(
    fc.asyncProperty(notPreface, async (bytes) => {
      const { closed, socket } = await rawTcp(bytes);
      socket.destroy();
      // nghttp2 answers a connection that does not start with the
      // preface with GOAWAY (PROTOCOL_ERROR) and closes it.
      expect(closed).toBe(true);
    }),
    { numRuns: 30 },
  );
  await stillServing();
});

/** An HTTP/2 frame: 3-byte length, type, flags, stream id. */
function h2frame(type: number, flags: number, stream: number, payload: Uint8Array) {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head.writeUInt8(type, 3);
  head.writeUInt8(flags, 4);
  head.writeUInt32BE(stream, 5);
  return Buffer.concat([head, payload]);
}

/** A HEADERS block for a gRPC call, in HPACK literals (RFC 7541 §6.2.2). */
function callHeaders(path: string) {
  const literal = (name: string, value: string) =>
    Buffer.concat([
      Buffer.from([0x00, name.length]),
      Buffer.from(name),
      Buffer.from([value.length]),
      Buffer.from(value),
    ]);
  return Buffer.concat([
    // Indexed from HPACK's static table: :method POST (3), :scheme http (6).
    Buffer.from([0x83, 0x86]),
    literal(':path', path),
    literal(':authority', 'x'),
    literal('content-type', 'application/grpc'),
    literal('te', 'trailers'),
  ]);
}

test('a flood of streams on one connection: those over GRPC_MAX_STREAMS are refused', async () => {
  // A client that ignores the server's SETTINGS opens 3 × the limit
  // at once, each left open (no END_STREAM) as a slow call would be.
  const count = MAX_STREAMS * 3;
  const streams = Array.from({ length: count }, (_, i) =>
    h2frame(0x1, 0x4, 2 * i + 1, callHeaders('/wirebook.arith.v1.Clock/Sleep')),
  );
  const settings = h2frame(0x4, 0, 0, new Uint8Array(0));
  const { received, socket } = await rawTcp(Buffer.concat([PREFACE, settings, ...streams]), 1_500);
  socket.destroy();
  // RST_STREAM frames (type 3) with REFUSED_STREAM (7), one per extra stream.
  let refused = 0;
  for (let at = 0; at + 9 <= received.length; at += 9 + received.readUIntBE(at, 3)) {
    if (received[at + 3] === 0x3 && received.readUInt32BE(at + 9) === 7) refused++;
  }
  expect(refused).toBe(count - MAX_STREAMS);
  await stillServing();
});

test('a client that acknowledged GRPC_MAX_STREAMS and goes over it loses its connection', async () => {
  // nghttp2 refuses streams one by one only while its SETTINGS are
  // unacknowledged; after the ACK, one stream too many is a connection
  // error (RFC 9113 §5.1.2 allows either).
  const settings = h2frame(0x4, 0, 0, new Uint8Array(0));
  const ack = h2frame(0x4, 0x1, 0, new Uint8Array(0));
  const streams = Array.from({ length: MAX_STREAMS + 1 }, (_, i) =>
    h2frame(0x1, 0x4, 2 * i + 1, callHeaders('/wirebook.arith.v1.Clock/Sleep')),
  );
  const { received, closed, socket } = await rawTcp(
    Buffer.concat([PREFACE, settings, ack, ...streams]),
    1_500,
  );
  socket.destroy();
  // GOAWAY (type 7): last stream id, then the error code, PROTOCOL_ERROR (1).
  let goaway: number | undefined;
  for (let at = 0; at + 9 <= received.length; at += 9 + received.readUIntBE(at, 3)) {
    if (received[at + 3] === 0x7) goaway = received.readUInt32BE(at + 13);
  }
  expect(goaway).toBe(1);
  expect(closed).toBe(true);
  await stillServing();
});

test('connections over GRPC_MAX_CONNECTIONS are closed as they arrive', async () => {
  const open = await Promise.all(
    Array.from({ length: MAX_CONNECTIONS + 10 }, () => rawTcp(PREFACE, 1_000)),
  );
  // The server greets each connection it takes with its SETTINGS.
  const greeted = open.filter(({ received }) => received.length > 0);
  const dropped = open.filter(({ received, closed }) => received.length === 0 && closed);
  for (const { socket } of open) socket.destroy();
  expect(greeted.length).toBeLessThanOrEqual(MAX_CONNECTIONS);
  expect(dropped.length).toBeGreaterThanOrEqual(10);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await stillServing();
});
