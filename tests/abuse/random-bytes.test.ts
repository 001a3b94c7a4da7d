// Random input at every door, as fast-check property tests: made-up
// HTTP requests and raw bytes at the HTTP port, random bytes and
// random frames on every WebSocket endpoint, random bytes at every
// TCP and UDP port, and malformed JSON-RPC over HTTP, WebSocket and
// TCP. Whatever arrives, the answer is one the protocol specifies (a
// 4xx with a reason, a WebSocket close code for bad input, a JSON-RPC
// error object, an echo or an `error CODE` line), never a 5xx, and
// nothing escapes to the process (failOnUnhandled). Each property runs
// a bounded number of cases, one connection at a time.

import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../playground-server/server.ts';
import { serverDemos } from '../../shared/server-demos.ts';
import { startTestServer } from '../support/playground.ts';
import { rawRequest } from '../support/raw-http.ts';
import { clientFrame, openRaw, serverFrames } from '../support/raw-websocket.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

let server: RunningServer;
let site: string;
let port: number;
let ports: { tcpEcho: number; udpEcho: number; rpcTcp: number; rpcGo: number };

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'wirebook-random-'));
  mkdirSync(join(site, 'docs'));
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, 'docs', 'index.html'), '<h1>docs</h1>');
  server = await startTestServer({
    siteDir: site,
    // Half a request is dropped within a second or two.
    headersTimeoutMs: 1_000,
    requestTimeoutMs: 2_000,
    // Caps are not under test here: one case's socket may still be
    // closing on the server when the next case connects.
    wsMaxPerClient: 0,
    wsMessageBurst: 1_000_000,
    whyMaxRuns: 10_000,
    runMaxPerClient: 1_000,
    runMaxTotal: 1_000,
  });
  port = Number(new URL(server.url).port);
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
    sockets: { tcpEcho: { port: number }; udpEcho: { port: number } };
    rpc: { tcpPort: number; goPort: number };
  };
  ports = {
    tcpEcho: health.sockets.tcpEcho.port,
    udpEcho: health.sockets.udpEcho.port,
    rpcTcp: health.rpc.tcpPort,
    rpcGo: health.rpc.goPort,
  };
}, 30_000);
afterAll(async () => {
  await server.close();
  rmSync(site, { recursive: true, force: true });
});

/** The server still answers a plain request. */
async function stillServing() {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

/**
 * Sends `bytes` to a TCP port, ends the sending side, and resolves
 * with everything received until the server closes.
 */
function exchange(tcpPort: number, bytes: Uint8Array) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(tcpPort, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open: ${Buffer.concat(chunks)}`));
    }, 15_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

const PATHS = [
  '/',
  '/docs/',
  '/healthz',
  '/rpc',
  '/api/notes',
  '/api/notes/abc',
  '/api/cached/notes',
  '/api/cached/notes/abc',
  '/api/cached/stats',
  '/sockets/echo',
  '/sockets/connection',
  '/why/runs',
  '/why/poll',
  '/why/long-poll',
  '/why/sse',
  '/why/report',
  '/why/clock',
  '/close-reports/',
  '/close-reports/abc',
  '/ws-auth/ticket',
  '/ws-auth/session',
  '/tls/certificate.pem',
  '/ws/echo',
  '/nowhere',
];
const pathPiece = fc.constantFrom(
  '/',
  '?',
  '&',
  '=',
  '%',
  '%zz',
  '%00',
  '%ff',
  '..',
  ';',
  '+',
  '~',
  '#',
  'a',
  '1',
  'run=',
  'after=-1',
  'seconds=999',
  'id=',
  '%2f',
  '%5c',
  '\\',
);
const token = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);

describe('HTTP', () => {
  test('made-up requests to every endpoint get an answer below 500', async () => {
    const request = fc.record({
      method: fc.constantFrom(
        'GET',
        'HEAD',
        'POST',
        'PUT',
        'PATCH',
        'DELETE',
        'OPTIONS',
        'TRACE',
        'BREW',
      ),
      path: fc
        .tuple(fc.constantFrom(...PATHS), fc.array(pathPiece, { maxLength: 8 }))
        .map(([path, pieces]) => path + pieces.join('')),
      headers: fc.record(
        {
          'content-type': fc.constantFrom(
            'application/json',
            'application/vnd.msgpack',
            'application/merge-patch+json',
            'text/plain',
            'application/json; charset=latin1',
            '',
          ),
          authorization: token.map((value) => `Bearer ${value}`),
          accept: fc.oneof(token, fc.constantFrom('application/json', 'text/html', '*/*')),
          'if-match': token,
          'if-none-match': token,
          origin: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1'),
          'access-control-request-method': token,
        },
        { requiredKeys: [] },
      ),
      body: fc.option(fc.uint8Array({ maxLength: 4096 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, headers, body }) => {
        const response = await rawRequest(server.url, method, path, {
          headers,
          ...(body && { body: Buffer.from(body) }),
        });
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `${method} ${path}: ${response.body}`).toBeLessThan(500);
        // A refusal says why (a HEAD answer has no body to say it in).
        if (response.status >= 400 && method !== 'HEAD') {
          expect(response.body.trim(), `${method} ${path}: ${response.status}`).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
    await stillServing();
  }, 120_000);

  test('raw bytes at the HTTP port get a 4xx (or nothing), and the connection closes', async () => {
    const prefix = fc.constantFrom(
      '',
      'GET / HTTP/1.1\r\n',
      'POST /rpc HTTP/1.1\r\nContent-Length: 5\r\n',
      'GET /ws/echo HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n',
      'PUT /api/notes/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    await fc.assert(
      fc.asyncProperty(
        prefix,
        fc.uint8Array({ minLength: 1, maxLength: 600 }),
        async (start, bytes) => {
          const answer = (
            await exchange(port, Buffer.concat([Buffer.from(start), bytes]))
          ).toString('latin1');
          for (const [, status] of answer.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)) {
            expect(Number(status), answer).toBeGreaterThanOrEqual(400);
            expect(Number(status), answer).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 200 },
    );
    await stillServing();
  }, 120_000);
});

describe('WebSocket endpoints', () => {
  /** Close codes for a peer's bad input (RFC 6455, 7.4.1). */
  const BAD_INPUT = [1000, 1002, 1003, 1007, 1008, 1009];
  let inspectors = 0;

  /** The URL of `path`, with what it needs (a run, an id, a demo). */
  async function urlOf(path: string) {
    const base = `${server.url.replace('http', 'ws')}${path}`;
    if (path === '/ws/why') {
      const run = await fetch(`${server.url}/why/runs?seconds=1`, { method: 'POST' });
      return `${base}?run=${((await run.json()) as { id: string }).id}`;
    }
    if (path === '/ws/raw-inspect') return `${base}?id=random-bytes-${++inspectors}`;
    if (path === '/ws/run') return `${base}?demo=${Object.keys(serverDemos)[0]}`;
    if (path === '/ws/auth/ticket') {
      const ticket = await fetch(`${server.url}/ws-auth/ticket`, {
        method: 'POST',
        headers: READER,
      });
      return `${base}?ticket=${((await ticket.json()) as { ticket: string }).ticket}`;
    }
    return base;
  }

  /** A reader's bearer token, for the authenticated endpoints. */
  const READER = { authorization: 'Bearer random-bytes-reader-0001' };
  let session: string | undefined;

  /** The headers `path` needs: the session cookie of /ws/auth/cookie. */
  async function headersOf(path: string): Promise<Record<string, string>> {
    if (path !== '/ws/auth/cookie') return {};
    if (session === undefined) {
      const login = await fetch(`${server.url}/ws-auth/session`, {
        method: 'POST',
        headers: READER,
      });
      session = login.headers.get('set-cookie')!.split(';')[0]!;
    }
    return { Cookie: session };
  }

  /** Sends `bytes` after the handshake; checks how the server ends it. */
  async function endsWell(path: string, bytes: Buffer) {
    const raw = await openRaw(await urlOf(path), await headersOf(path));
    expect(raw.response).toMatch(/^HTTP\/1.1 101 /);
    raw.socket.end(bytes);
    const close = await raw.close;
    // Without a close frame, the server ended the TCP connection
    // after ours: either is an answer.
    if (close) {
      const answers = [...BAD_INPUT, echoedCloseCode(bytes)];
      expect(answers, `${path}: ${close.code} ${close.reason}`).toContain(close.code);
    }
    // Whatever came before it was well-formed frames.
    expect(() => serverFrames(raw.received())).not.toThrow();
  }

  /**
   * The code a close frame at the start of `bytes` carries, 1005 for
   * none: a server answers a close by echoing its code (RFC 6455,
   * 5.5.1), which is not bad input.
   */
  function echoedCloseCode(bytes: Buffer) {
    const masked = (bytes[1]! & 0x80) !== 0;
    const length = bytes[1]! & 0x7f;
    if ((bytes[0]! & 0x0f) !== 0x8 || !masked || length === 1 || length > 125) return undefined;
    if (length === 0) return 1005;
    // The payload starts after the 4-byte masking key.
    return ((bytes[6]! ^ bytes[2]!) << 8) | (bytes[7]! ^ bytes[3]!);
  }

  const frame = fc
    .record({
      opcode: fc.integer({ min: 0, max: 15 }),
      payload: fc.uint8Array({ maxLength: 300 }),
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      mask: fc.boolean(),
    })
    .map(({ opcode, payload, ...options }) => clientFrame(opcode, Buffer.from(payload), options));

  test.each([
    '/ws/echo',
    '/ws/raw-echo',
    '/ws/stream-echo',
    '/ws/rpc',
    '/ws/push',
    '/ws/close-report',
    '/ws/slow-reader',
    '/ws/handshake',
    '/ws/why',
    '/ws/raw-inspect',
    '/ws/run',
    '/ws/flaky?after=100',
    '/ws/auth/ticket',
    '/ws/auth/cookie',
    '/ws/auth/first-message',
  ])(
    '%s: random bytes and random frames end with a close code for bad input',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
            fc.array(frame, { minLength: 1, maxLength: 4 }).map((frames) => Buffer.concat(frames)),
          ),
          (bytes) => endsWell(path, bytes),
          // /ws/slow-reader reads nothing for its first two seconds.
        ),
        {
          numRuns: path === '/ws/slow-reader' ? 5 : 30,
          // A close with no code, then a frame no client may send: once
          // answered 1005 by /ws/echo, the echo of that empty close.
          examples: [[Buffer.from([0x88, 0x80, 0x7f, 0x83, 0x9e, 0x51, 0x00, 0x00])]],
        },
      );
      await stillServing();
    },
    120_000,
  );
});

describe('TCP and UDP ports', () => {
  const bytesWithLines = fc
    .array(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constant(new Uint8Array([10]))), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => Buffer.concat(parts));

  test('the TCP echo port echoes each line or answers `error CODE: …`', async () => {
    await fc.assert(
      fc.asyncProperty(bytesWithLines, async (bytes) => {
        const answer = await exchange(ports.tcpEcho, bytes);
        // Everything that came back is what was sent, line for line,
        // but for a last line that refuses.
        const sent = bytes.toString('latin1');
        const lines = answer.toString('latin1').split('\n');
        for (const line of lines.slice(0, -1)) {
          expect(line.startsWith('error ') || sent.includes(line), line).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  test('the UDP echo port echoes each datagram or answers DATAGRAM_TOO_LARGE', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    try {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
          const reply = new Promise<Buffer>((resolve) => socket.once('message', resolve));
          socket.send(bytes, ports.udpEcho, '127.0.0.1');
          const answer = await reply;
          if (bytes.length > 1024) {
            expect(answer.toString()).toMatch(/^error DATAGRAM_TOO_LARGE: /);
          } else {
            expect(answer).toEqual(Buffer.from(bytes));
          }
        }),
        { numRuns: 100 },
      );
    } finally {
      socket.close();
    }
  }, 120_000);

  test.each(['rpcTcp', 'rpcGo'] as const)(
    'the %s port answers random bytes with error responses',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(bytesWithLines, async (bytes) => {
          const answer = (await exchange(ports[name], bytes)).toString('utf8');
          for (const line of answer.split('\n').filter((line) => line !== '')) {
            const response = JSON.parse(line) as { error: unknown };
            if (name === 'rpcTcp') expectJsonRpcResponse(response);
            else expect(typeof response.error, line).toBe('string');
          }
        }),
        { numRuns: 100 },
      );
    },
    120_000,
  );
});

/** Error codes that bad calls may get (examples/rpc/errors.ts). */
const CALL_ERRORS = [-32700, -32600, -32601, -32602, 1, 2];

/** A JSON-RPC 2.0 response: a result, or an error with a known code. */
function expectJsonRpcResponse(value: unknown) {
  const response = value as Record<string, unknown>;
  expect(response['jsonrpc'], JSON.stringify(value)).toBe('2.0');
  expect('id' in response, JSON.stringify(value)).toBe(true);
  if ('result' in response) {
    expect('error' in response, JSON.stringify(value)).toBe(false);
    return;
  }
  const error = response['error'] as { code: unknown; message: unknown };
  expect(CALL_ERRORS, JSON.stringify(value)).toContain(error.code);
  expect(typeof error.message).toBe('string');
}

describe('malformed JSON-RPC', () => {
  // Calls to real methods (not the slow Clock ones, nor `explode`,
  // which fails on purpose) and to made-up ones, with any members.
  const call = fc.record(
    {
      jsonrpc: fc.oneof(fc.constant('2.0'), fc.jsonValue()),
      method: fc.oneof(
        fc.constantFrom(
          'subtract',
          'sum',
          'get_data',
          'update',
          'notify_hello',
          'notify_sum',
          'Arith.Multiply',
          'Arith.Divide',
          'rpc.discover',
          '',
        ),
        fc.jsonValue(),
      ),
      params: fc.oneof(
        fc.array(fc.oneof(fc.integer(), fc.double(), fc.jsonValue()), { maxLength: 4 }),
        fc.record(
          {
            minuend: fc.jsonValue(),
            subtrahend: fc.jsonValue(),
            A: fc.jsonValue(),
            B: fc.jsonValue(),
            n: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue(),
      ),
      id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  const message = fc.oneof(
    call.map((value) => JSON.stringify(value)),
    fc.array(call, { maxLength: 5 }).map((value) => JSON.stringify(value)),
    fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
    fc.string({ maxLength: 200 }),
  );

  /** Each response in a reply, which is one response or a batch. */
  function expectReply(text: string) {
    const reply = JSON.parse(text) as unknown;
    const responses = Array.isArray(reply) ? reply : [reply];
    expect(responses.length, text).toBeGreaterThan(0);
    for (const response of responses) expectJsonRpcResponse(response);
  }

  test('over HTTP: 200 with error responses, or 204 for notifications only', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (body) => {
        const response = await rawRequest(server.url, 'POST', '/rpc', {
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect([200, 204], `${body} → ${response.status} ${response.body}`).toContain(
          response.status,
        );
        if (response.status === 200) expectReply(response.body);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  test('over TCP: every line gets error responses (or none, for notifications)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), async (lines) => {
        const answer = await exchange(
          ports.rpcTcp,
          Buffer.from(lines.map((line) => `${line}\n`).join('')),
        );
        for (const reply of answer
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== '')) {
          expectReply(reply);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test('over WebSocket: error responses, and the connection stays open', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/rpc`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      await fc.assert(
        fc.asyncProperty(message, async (text) => {
          // A notification has no answer: a call after it has one.
          const probe = JSON.stringify({
            jsonrpc: '2.0',
            method: 'sum',
            params: [1, 2],
            id: 'probe',
          });
          const replies: string[] = [];
          await new Promise<void>((resolve, reject) => {
            const onClose = (code: number) => reject(new Error(`closed with ${code}`));
            ws.once('close', onClose);
            const onMessage = (data: WebSocket.RawData) => {
              const reply = String(data);
              if (reply.includes('"probe"')) {
                ws.off('message', onMessage);
                ws.off('close', onClose);
                resolve();
              } else replies.push(reply);
            };
            ws.on('message', onMessage);
            ws.send(text);
            ws.send(probe);
          });
          for (const reply of replies) expectReply(reply);
        }),
        { numRuns: 150 },
      );
      expect(ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      ws.close();
    }
  }, 120_000);
});
