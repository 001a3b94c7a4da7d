// The Go gRPC programs in examples/go, built from examples/grpc/arith.proto
// with protoc at test time: the Go client against the Go server and
// against the playground's GRPC_PORT, the playground's TypeScript
// client (connect-node's gRPC transport) against the Go server, and the
// Go server's answers read byte by byte with node:http2.

import { execFile } from 'node:child_process';
import { connect, constants, createServer, type IncomingHttpHeaders } from 'node:http2';
import { promisify } from 'node:util';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildGo, type GoProgram, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { Arith, Clock } from '../grpc/gen/arith_pb.ts';

const exec = promisify(execFile);
const PROTOS = { protos: ['grpc/arith.proto'] };
const withGrpc = needs(whyGoIsMissing('grpc'));

/** Runs the Go client against `address`; resolves with its lines. */
async function goClient(address: string) {
  const client = buildGo('grpc-arith-client.go', PROTOS);
  const { stdout } = await exec(client, ['-addr', address], { timeout: 10_000 });
  return stdout.trimEnd().split('\n');
}

// #region expected
/** What the client prints against any server of the contract but the deadline's time. */
const EXPECTED = [
  'Arith.Multiply 7 8: 56',
  'Arith.Divide 17 5: quo 3 rem 2',
  'Arith.Divide 1 0: InvalidArgument "divide by zero"',
  expect.stringMatching(/^Clock\.Sleep 2000 ms, deadline 100 ms: DeadlineExceeded after \d+ ms$/),
  'Clock.Ticks: tick 1 of 3',
  'Clock.Ticks: tick 2 of 3',
  'Clock.Ticks: tick 3 of 3',
  'Clock.Ticks: end of stream',
];
// #endregion expected

/** The milliseconds the deadline line reports. */
function deadlineMs(lines: string[]) {
  return Number(/after (\d+) ms/.exec(lines[3] ?? '')?.[1]);
}

withGrpc.describe('the Go gRPC client against the Go gRPC server', () => {
  let server: GoProgram;

  beforeAll(async () => {
    server = await startGo(buildGo('grpc-arith-server.go', PROTOS), ['-addr', '127.0.0.1:0']);
  }, 120_000);
  afterAll(() => server?.stop());

  withGrpc.test(
    'multiplies, gets InvalidArgument, runs out of its deadline and reads the stream',
    async () => {
      const lines = await goClient(server.address);
      expect(lines).toEqual(EXPECTED);
      // The deadline ended the call, not the 2 s sleep.
      expect(deadlineMs(lines)).toBeGreaterThanOrEqual(100);
      expect(deadlineMs(lines)).toBeLessThan(1_500);
      // The server's context ended too, well before its 2 s: by its
      // own timer from grpc-timeout, or by the client's RST_STREAM when
      // that arrives first (a loaded machine), so either error.
      await expect
        .poll(() => server.output())
        .toMatch(/Clock\.Sleep 2000 ms: context (deadline exceeded|canceled)/);
    },
    120_000,
  );
});

withGrpc.describe("the Go gRPC client against the playground's GRPC_PORT", () => {
  let playground: RunningServer;
  let grpcPort: number;

  beforeAll(async () => {
    playground = await startTestServer();
    const health = (await (await fetch(`${playground.url}/healthz`)).json()) as {
      grpc: { port: number };
    };
    grpcPort = health.grpc.port;
  });
  afterAll(() => playground?.close());

  withGrpc.test(
    'prints what it prints against the Go server: the TypeScript service is the same contract',
    async () => {
      const lines = await goClient(`127.0.0.1:${grpcPort}`);
      expect(lines).toEqual(EXPECTED);
      expect(deadlineMs(lines)).toBeGreaterThanOrEqual(100);
      expect(deadlineMs(lines)).toBeLessThan(1_500);
    },
    120_000,
  );
});

/** What a call returned, or the code and message it failed with. */
async function outcome(call: Promise<unknown>) {
  try {
    return await call;
  } catch (error) {
    const { code, rawMessage } = ConnectError.from(error);
    return [Code[code], rawMessage];
  }
}

/** Every unary call of the contract, good and bad, through `baseUrl`'s gRPC. */
async function unaryOutcomes(baseUrl: string) {
  const transport = createGrpcTransport({ baseUrl });
  const arith = createClient(Arith, transport);
  const clock = createClient(Clock, transport);
  return [
    await outcome(arith.multiply({ a: 7, b: 8 })),
    await outcome(arith.divide({ a: 17, b: 5 })),
    await outcome(arith.divide({ a: 1, b: 0 })),
    await outcome(arith.multiply({ a: 65_536, b: 65_536 })),
    await outcome(clock.sleep({ ms: 30 })),
    await outcome(clock.sleep({ ms: -1 })),
    await outcome(clock.ticks({ every: 10, count: 3 })[Symbol.asyncIterator]().next()),
    await outcome(clock.ticks({ every: 50, count: 0 })[Symbol.asyncIterator]().next()),
  ];
}

withGrpc.describe('the TypeScript gRPC client against the Go gRPC server', () => {
  let server: GoProgram;
  let playground: RunningServer;

  beforeAll(async () => {
    server = await startGo(buildGo('grpc-arith-server.go', PROTOS), ['-addr', '127.0.0.1:0']);
    playground = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    server?.stop();
    await playground?.close();
  });

  withGrpc.test('gets the answers and the errors the playground gives, word for word', async () => {
    const health = (await (await fetch(`${playground.url}/healthz`)).json()) as {
      grpc: { port: number };
    };
    const fromGo = await unaryOutcomes(`http://${server.address}`);
    expect(fromGo).toMatchObject([
      { value: 56 },
      { quo: 3, rem: 2 },
      ['InvalidArgument', 'divide by zero'],
      ['OutOfRange', '65536 × 65536 overflows int32'],
      { slept: 30 },
      ['InvalidArgument', 'ms must be from 0 to 60000, not -1'],
      ['InvalidArgument', 'every must be from 20 to 5000, not 10'],
      ['InvalidArgument', 'count must be from 1 to 100, not 0'],
    ]);
    expect(await unaryOutcomes(`http://127.0.0.1:${health.grpc.port}`)).toEqual(fromGo);
  });

  withGrpc.test('runs out of its deadline, and the Go server stops sleeping', async () => {
    const clock = createClient(Clock, createGrpcTransport({ baseUrl: `http://${server.address}` }));
    const started = performance.now();
    const failed = await outcome(clock.sleep({ ms: 2_000 }, { timeoutMs: 100 }));
    expect(failed).toEqual(['DeadlineExceeded', expect.any(String)]);
    expect(performance.now() - started).toBeLessThan(1_500);
    await expect
      .poll(() => server.output())
      .toMatch(/Clock\.Sleep 2000 ms: context (deadline exceeded|canceled)/);
  });

  withGrpc.test('reads the Ticks stream to its end', async () => {
    const clock = createClient(Clock, createGrpcTransport({ baseUrl: `http://${server.address}` }));
    const ticks = [];
    for await (const tick of clock.ticks({ every: 20, count: 3 })) ticks.push([tick.n, tick.of]);
    expect(ticks).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

/** A gRPC response as node:http2 saw it: headers and trailers merged, and the body. */
interface RawResponse {
  status: string | undefined;
  /** grpc-message decoded, and as it crossed. */
  message: string | undefined;
  rawMessage: unknown;
  /** True when one HEADERS frame ended the stream: no trailers of their own. */
  trailersOnly: boolean;
  body: string;
}

/**
 * Calls `path` with one length-prefixed message (`hex`, flag byte
 * `flag`) over HTTP/2, as a gRPC client does.
 */
function rawCall(address: string, path: string, hex: string, flag = 0) {
  const message = Buffer.from(hex, 'hex');
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(flag, 0);
  prefix.writeUInt32BE(message.length, 1);
  const session = connect(`http://${address}`);
  const stream = session.request({
    ':method': 'POST',
    ':path': path,
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.end(Buffer.concat([prefix, message]));
  return new Promise<RawResponse>((resolve, reject) => {
    const fields: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    let trailersOnly = false;
    // A call that fails before any message is "Trailers-Only": one
    // HEADERS frame carries grpc-status, so read both kinds.
    stream.on('response', (headers, flags) => {
      Object.assign(fields, headers);
      trailersOnly = (flags & constants.NGHTTP2_FLAG_END_STREAM) !== 0;
    });
    stream.on('trailers', (trailers) => Object.assign(fields, trailers));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('close', () => {
      session.close();
      const message = fields['grpc-message'];
      resolve({
        status: fields['grpc-status'] as string | undefined,
        message: typeof message === 'string' ? decodeURIComponent(message) : undefined,
        rawMessage: message,
        trailersOnly,
        body: Buffer.concat(chunks).toString('hex'),
      });
    });
  });
}

withGrpc.describe('the Go gRPC server, byte by byte over node:http2', () => {
  let server: GoProgram;

  beforeAll(async () => {
    server = await startGo(buildGo('grpc-arith-server.go', PROTOS), ['-addr', '127.0.0.1:0']);
  }, 120_000);
  afterAll(() => server?.stop());

  withGrpc.test('answers Args{a: 7, b: 8} with Product{value: 56} and status 0', async () => {
    // Field 1 varint 7, field 2 varint 8; the answer is field 1 varint
    // 56 (0x38) behind a 5-byte prefix: not compressed, length 2.
    // grpc-go sends an empty grpc-message with the OK status.
    const answer = await rawCall(server.address, '/wirebook.arith.v1.Arith/Multiply', '08071008');
    expect(answer).toMatchObject({
      status: '0',
      message: '',
      trailersOnly: false,
      body: '00000000020838',
    });
  });

  withGrpc.test('gives each bad call its status, and keeps serving', async () => {
    const arith = '/wirebook.arith.v1.Arith';
    const clock = '/wirebook.arith.v1.Clock';
    const answers = await Promise.all([
      rawCall(server.address, `${arith}/Divide`, '0801'),
      // a: 65536, b: 65536, whose product needs 33 bits.
      rawCall(server.address, `${arith}/Multiply`, '0880800410808004'),
      // ms: -1, an int32 as a 10-byte varint.
      rawCall(server.address, `${clock}/Sleep`, '08ffffffffffffffffff01'),
      // every: 50 and no count: count 0.
      rawCall(server.address, `${clock}/Ticks`, '0832'),
      rawCall(server.address, `${arith}/Power`, '08071008'),
      // Field 1 with wire type 7, which does not exist.
      rawCall(server.address, `${arith}/Multiply`, '0f'),
      // The compressed flag with no grpc-encoding to decompress with.
      rawCall(server.address, `${arith}/Multiply`, '08071008', 1),
    ]);
    expect(answers.map(({ status, message }) => [status, message])).toEqual([
      ['3', 'divide by zero'],
      // grpc-message is percent-encoded on the wire: %C3%97 for ×.
      ['11', '65536 × 65536 overflows int32'],
      ['3', 'ms must be from 0 to 60000, not -1'],
      ['3', 'count must be from 1 to 100, not 0'],
      ['12', 'unknown method Power for service wirebook.arith.v1.Arith'],
      ['13', expect.stringContaining('grpc: error unmarshalling request')],
      ['13', expect.stringContaining('compressed flag set')],
    ]);
    // Each failed before any reply: status in the only HEADERS frame.
    expect(answers.map((answer) => answer.trailersOnly)).toEqual(answers.map(() => true));
    expect(answers[1]?.rawMessage).toBe('65536 %C3%97 65536 overflows int32');
    const again = await rawCall(server.address, `${arith}/Multiply`, '08071008');
    expect(again.status).toBe('0');
  });
});

withGrpc.test(
  'the Go client sends a gRPC request: POST, the path, te and its deadline',
  async () => {
    // A stand-in that records the first request's headers and answers
    // Unimplemented, so the client stops after Multiply.
    const seen: IncomingHttpHeaders[] = [];
    const stub = createServer();
    stub.on('stream', (stream, headers) => {
      seen.push(headers);
      // Trailers-Only: one HEADERS frame that ends the stream.
      const status = { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' };
      stream.respond(status, { endStream: true });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const { port } = stub.address() as { port: number };
    const client = buildGo('grpc-arith-client.go', PROTOS);
    const failed = await exec(client, ['-addr', `127.0.0.1:${port}`], { timeout: 10_000 }).catch(
      (error: { stderr: string }) => error,
    );
    stub.close();
    expect('stderr' in failed && failed.stderr).toMatch(/Arith\.Multiply: .*code = Unimplemented/);
    const [headers] = seen;
    expect(headers).toMatchObject({
      ':method': 'POST',
      ':path': '/wirebook.arith.v1.Arith/Multiply',
      'content-type': 'application/grpc',
      te: 'trailers',
      'user-agent': expect.stringMatching(/^grpc-go\//),
    });
    // What is left of the 5 s: in microseconds, the finest unit whose
    // count fits in 8 digits (grpc-go's EncodeDuration).
    const timeout = String(headers?.['grpc-timeout']);
    expect(timeout).toMatch(/^\d{7}u$/);
    expect(Number.parseInt(timeout, 10)).toBeGreaterThan(4_000_000);
    expect(Number.parseInt(timeout, 10)).toBeLessThanOrEqual(5_000_000);
  },
  120_000,
);
