// What only the from-scratch server needs checking for; the echo
// itself passes the shared wire-level cases in echo-server.test.ts.

import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { clientFrame, openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import { acceptKey } from './handshake.ts';
import { type RawConnection, RawEchoServer } from './raw-server.ts';

let server: RunningServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  url = `${server.url.replace('http', 'ws')}/ws/raw-echo`;
});
afterAll(() => server.close());

/** Writes `request` on a fresh TCP connection; resolves with all it got. */
function exchange(request: string | Buffer) {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  socket.write(request);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('end', () => {
      socket.end();
      resolve(Buffer.concat(chunks));
    });
  });
}

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const request = (headers: string) =>
  `GET /ws/raw-echo HTTP/1.1\r\nHost: playground\r\n${headers}\r\n`;
const good =
  'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
  `Sec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n`;

describe('the handshake, done by hand', () => {
  test('a good request gets 101 with the accept for its key', async () => {
    const raw = await openRaw(url);
    expect(raw.response).toMatch(/^HTTP\/1.1 101 Switching Protocols\r\n/);
    const key = /Sec-WebSocket-Accept: (\S+)/.exec(raw.response)?.[1];
    expect(key).toHaveLength(28);
    raw.socket.destroy();
  });

  test('frames sent right behind the request are not lost', async () => {
    const reply = await exchange(
      Buffer.concat([
        Buffer.from(request(good)),
        clientFrame(0x1, 'early'),
        clientFrame(0x8, Buffer.from([0x03, 0xe8])),
      ]),
    );
    const end = reply.indexOf('\r\n\r\n') + 4;
    const [head, body] = [reply.subarray(0, end), reply.subarray(end)];
    expect(head.toString()).toContain(`Sec-WebSocket-Accept: ${acceptKey(KEY)}\r\n`);
    expect(serverFrames(body)).toEqual([
      { fin: true, opcode: 0x1, payload: Buffer.from('early') },
      { fin: true, opcode: 0x8, payload: Buffer.from([0x03, 0xe8]) },
    ]);
  });

  test.each([
    [
      'version 8',
      good.replace('Version: 13', 'Version: 8'),
      '426 Upgrade Required',
      'Sec-WebSocket-Version must be 13',
    ],
    [
      'a short key',
      good.replace(KEY, 'c2hvcnQ='),
      '400 Bad Request',
      'Sec-WebSocket-Key must be 16 bytes',
    ],
    [
      'an upgrade to another protocol',
      good.replace('Upgrade: websocket', 'Upgrade: h2c'),
      '400 Bad Request',
      'Upgrade must be "websocket"',
    ],
    ['a POST', good, '405 Method Not Allowed', 'a WebSocket handshake must be a GET'],
  ])('%s is refused with a body that says why', async (name, headers, status, why) => {
    const text = request(headers);
    const reply = (
      await exchange(name === 'a POST' ? text.replace('GET', 'POST') : text)
    ).toString();
    expect(reply).toMatch(new RegExp(`^HTTP/1.1 ${status}\r\n`));
    expect(reply.endsWith(`\r\n\r\n${why}\n`)).toBe(true);
  });

  test('the 426 names the protocol and the version to retry with', async () => {
    const reply = await exchange(request(good.replace('Version: 13', 'Version: 8')));
    const head = reply.toString().split('\r\n\r\n')[0]!.split('\r\n');
    expect(head).toEqual(
      expect.arrayContaining([
        'Upgrade: websocket',
        'Connection: Upgrade, close',
        'Sec-WebSocket-Version: 13',
      ]),
    );
  });
});

test('a page that offers subprotocols is failed: the server names none', async () => {
  // Browsers go further than RFC 6455 here (the Fetch standard's
  // "establish a WebSocket connection"), and Node's WebSocket with them.
  const ws = new globalThis.WebSocket(url, ['v2.chat']);
  const closed = new Promise<CloseEvent>((resolve) => (ws.onclose = resolve));
  expect((await closed).code).toBe(1006);
  expect(ws.protocol).toBe('');
});

test('a client reset in the middle of a frame harms no one', async () => {
  const bystander = new WebSocket(url);
  await new Promise((resolve) => bystander.once('open', resolve));
  const raw = await openRaw(url);
  raw.socket.write(clientFrame(0x2, Buffer.alloc(1000)).subarray(0, 500));
  raw.socket.resetAndDestroy();
  await expect.poll(() => server.playground.openWebSockets()).toBe(1);
  const echoed = new Promise<string>((resolve) => {
    bystander.once('message', (data) => resolve(String(data)));
  });
  bystander.send('still here');
  expect(await echoed).toBe('still here');
  bystander.close();
});

test('open connections count in /healthz and get 1001 on shutdown', async () => {
  const own = await startTestServer();
  const ws = new WebSocket(`${own.url.replace('http', 'ws')}/ws/raw-echo`);
  await new Promise((resolve) => ws.once('open', resolve));
  const health = await (await fetch(`${own.url}/healthz`)).json();
  expect(health).toMatchObject({ websockets: 1 });
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, reason.toString()]));
  });
  await own.close();
  expect(await closed).toEqual([1001, 'server shutting down']);
});

test('a client that never ends its side is cut off after closeTimeoutMs', async () => {
  // The server alone, with a short close timeout, on its own port.
  const raw = new RawEchoServer({ maxMessageBytes: 1024, closeTimeoutMs: 50 });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => raw.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  // A client that keeps its side open after the server ends its own,
  // and answers nothing: the server must not wait for it forever.
  const client = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  const received: Buffer[] = [];
  client.on('data', (chunk) => received.push(chunk));
  const ended = new Promise((resolve) => client.once('end', resolve));
  client.write(Buffer.concat([Buffer.from(request(good)), clientFrame(0x3, 'reserved')]));
  await ended;
  expect(client.destroyed).toBe(false);
  expect(raw.clients.size).toBe(1);
  // The server's timer fires and drops the connection on its side.
  await expect.poll(() => raw.clients.size).toBe(0);
  const body = Buffer.concat(received);
  expect(serverFrames(body.subarray(body.indexOf('\r\n\r\n') + 4))).toMatchObject([
    { opcode: 0x8, payload: Buffer.from('\x03\xeathe opcode is reserved', 'latin1') },
  ]);
  client.destroy();
  http.close();
});

test('ping() sends a ping frame, and the pong that answers it is heard', async () => {
  const raw = new RawEchoServer({ maxMessageBytes: 1024 });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => raw.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const opened = new Promise<RawConnection>((resolve) => raw.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  const pinged = new Promise<string>((resolve) => {
    client.once('ping', (data) => resolve(String(data)));
  });
  const connection = await opened;
  const ponged = new Promise((resolve) => connection.once('pong', () => resolve('pong')));
  connection.ping(new TextEncoder().encode('are you there'));
  // ws answers a ping by itself, carrying its payload back (§5.5.3).
  expect(await pinged).toBe('are you there');
  expect(await ponged).toBe('pong');
  client.terminate();
  await expect.poll(() => raw.clients.size).toBe(0);
  http.close();
});
