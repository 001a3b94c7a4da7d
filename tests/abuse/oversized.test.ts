// Too much of everything, at the public defaults: a 2 MB body on every
// endpoint that takes a body (413, answered before the body is read
// whole), a 2 MB message on every WebSocket endpoint (1009), a request
// head over MAX_HEADER_BYTES or with more than MAX_HEADERS lines
// (431). And a client that hangs up halfway through its body, which
// must cost the server nothing but the connection.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { DEFAULTS } from '../../playground-server/config.ts';
import type { RunningServer } from '../../playground-server/server.ts';
import { serverDemos } from '../../shared/server-demos.ts';
import { startTestServer } from '../support/playground.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

const TWO_MB = 2 * 1024 * 1024;
/** More than any endpoint's body limit, far less than 2 MB. */
const SENT_BEFORE_WAITING = 256 * 1024;
const TOKEN = 'abuse-test-token-0123456789';

let server: RunningServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.url).port);
  // The note that PATCH changes, directly and through the layer.
  const put = await fetch(`${server.url}/api/notes/big`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'big', body: 'to be patched' }),
  });
  expect(put.status).toBe(201);
});
afterAll(() => server.close());

/** Every endpoint that reads a body: method, path and Content-Type. */
const BODY_ENDPOINTS = [
  ['POST', '/rpc', 'application/json'],
  ['POST', '/rpc', 'application/vnd.msgpack'],
  ['POST', '/api/notes', 'application/json'],
  ['PUT', '/api/notes/big', 'application/json'],
  ['PATCH', '/api/notes/big', 'application/merge-patch+json'],
  ['POST', '/api/cached/notes', 'application/json'],
  ['PUT', '/api/cached/notes/big', 'application/json'],
  ['PATCH', '/api/cached/notes/big', 'application/merge-patch+json'],
] as const;

/**
 * Sends a request head and up to `bodyBytes` of body, then stops
 * sending (without closing) and waits for what the server says.
 * Resolves with the answer and how much of the body had gone out.
 */
function sendHalf(head: string, body: Buffer, frame: (chunk: Buffer) => Buffer) {
  return new Promise<{ answer: string; sent: number }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    const done = () => {
      socket.destroy();
      resolve({ answer, sent });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (wholeAnswer(answer)) done();
    });
    // The server may close while bytes are still on their way.
    socket.on('error', () => {});
    socket.on('close', done);
    socket.once('connect', async () => {
      socket.write(head);
      for (let at = 0; at < body.length && !answer; at += 16 * 1024) {
        const chunk = body.subarray(at, at + 16 * 1024);
        if (!socket.write(frame(chunk))) {
          await new Promise((done) => {
            socket.once('drain', done);
            socket.once('close', done);
          });
        }
        sent += chunk.length;
      }
      // Nothing more is sent; the server must answer what it has.
      setTimeout(() => reject(new Error(`no answer; got "${answer}"`)), 20_000).unref();
    });
  });
}

/** True once `answer` holds a head and as much body as it declares. */
function wholeAnswer(answer: string) {
  const end = answer.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: (\d+)\r\n/i.exec(answer.slice(0, end));
  return end !== -1 && length !== null && answer.length - end - 4 >= Number(length[1]);
}

const headFor = (method: string, path: string, type: string, length: string) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
  `Authorization: Bearer ${TOKEN}\r\nContent-Type: ${type}\r\n${length}\r\n`;

describe('a 2 MB body gets 413 before it is read whole', () => {
  test.each(BODY_ENDPOINTS)('%s %s (%s), Content-Length declared', async (method, path, type) => {
    const { answer, sent } = await sendHalf(
      headFor(method, path, type, `Content-Length: ${TWO_MB}\r\n`),
      Buffer.alloc(SENT_BEFORE_WAITING, 'a'),
      (chunk) => chunk,
    );
    expect(answer).toMatch(/^HTTP\/1.1 413 Payload Too Large\r\n/);
    expect(answer).toMatch(/\r\n\r\n.*(at most|over) \d+ bytes/s);
    expect(sent).toBeLessThan(TWO_MB);
  });

  test.each(BODY_ENDPOINTS)('%s %s (%s), chunked, no length given', async (method, path, type) => {
    const { answer, sent } = await sendHalf(
      headFor(method, path, type, 'Transfer-Encoding: chunked\r\n'),
      Buffer.alloc(SENT_BEFORE_WAITING, 'a'),
      (chunk) =>
        Buffer.concat([
          Buffer.from(`${chunk.length.toString(16)}\r\n`),
          chunk,
          Buffer.from('\r\n'),
        ]),
    );
    expect(answer).toMatch(/^HTTP\/1.1 413 Payload Too Large\r\n/);
    expect(sent).toBeLessThan(TWO_MB);
  });
});

test.each(BODY_ENDPOINTS)(
  'a client hanging up halfway through its body: %s %s (%s) goes on serving, and logs nothing',
  async (method, path, type) => {
    const logged = vi.spyOn(console, 'error');
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`${headFor(method, path, type, 'Content-Length: 1000\r\n')}{"title":`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Any visitor can do this at will: it must not flood the log.
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  },
);

/**
 * Every WebSocket endpoint that reads messages, with what its URL
 * needs. (/ws/handshake reads none: it shows the handshake and
 * closes with 1000 at once.)
 */
const WS_ENDPOINTS = [
  '/ws/echo',
  '/ws/raw-echo',
  '/ws/stream-echo',
  '/ws/rpc',
  '/ws/push',
  '/ws/close-report',
  '/ws/slow-reader',
  // ws's client compresses: 2 MB of one letter arrives as about 2 KB
  // of deflate, refused as it inflates past the limit.
  '/ws/echo-deflate',
  '/ws/why?run=',
  '/ws/raw-inspect?id=oversized-test',
  `/ws/run?demo=${Object.keys(serverDemos)[0]}`,
];

test.each(WS_ENDPOINTS)('a 2 MB message on %s closes it with 1009', async (path) => {
  let url = `${server.url.replace('http', 'ws')}${path}`;
  if (path.endsWith('run=')) {
    // A transport comparison, which this WebSocket joins.
    const run = await fetch(`${server.url}/why/runs`, { method: 'POST' });
    url += ((await run.json()) as { id: string }).id;
  }
  const ws = new WebSocket(url);
  const code = new Promise<number>((resolve) => ws.once('close', resolve));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.on('error', () => {});
  ws.send(Buffer.alloc(TWO_MB, 'a'));
  expect(await code).toBe(1009);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

describe('an oversized request head gets 431 and a body that says why', () => {
  /** Sends `head` on a fresh socket; resolves with all it got back. */
  function ask(head: string) {
    return new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      let answer = '';
      socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
      socket.on('error', () => {});
      socket.on('close', () => resolve(answer));
    });
  }
  const big = `X-Big: ${'b'.repeat(DEFAULTS.maxHeaderBytes)}\r\n`;
  // With Host, one line over the limit; and far over it, which
  // Node's own parser refuses.
  const lines = (count: number) =>
    Array.from({ length: count }, (_, i) => `X-H${i}: ${i}\r\n`).join('');
  const many = lines(DEFAULTS.maxHeaders);
  const tooMany = `more than ${DEFAULTS.maxHeaders} header lines`;
  const upgrade =
    'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

  test.each([
    ['a head over MAX_HEADER_BYTES', 'GET /healthz', big, `over ${DEFAULTS.maxHeaderBytes} bytes`],
    [
      'a head over MAX_HEADER_BYTES, on an upgrade',
      `GET /ws/echo`,
      upgrade + big,
      `over ${DEFAULTS.maxHeaderBytes} bytes`,
    ],
    ['one line over MAX_HEADERS', 'GET /healthz', many, tooMany],
    [
      'one line over MAX_HEADERS, on an upgrade',
      'GET /ws/echo',
      upgrade + lines(DEFAULTS.maxHeaders - 4),
      tooMany,
    ],
    [
      'one line over MAX_HEADERS, with a body',
      'POST /rpc',
      `Content-Type: application/json\r\nContent-Length: 2\r\n${lines(DEFAULTS.maxHeaders - 2)}`,
      tooMany,
    ],
    ['a thousand header lines', 'GET /healthz', lines(1_000), tooMany],
    ['a thousand header lines, on an upgrade', 'GET /ws/echo', upgrade + lines(1_000), tooMany],
  ])('%s', async (_, line, headers, why) => {
    const answer = await ask(`${line} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 431 Request Header Fields Too Large\r\n/);
    expect(answer).toContain(why);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
