// /ws/echo-deflate with ws's own client, which compresses what it
// sends: the report counts compressed frames both ways, and a small
// frame that inflates past the limit is closed with 1009 before it is
// inflated whole.

import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import type { WireReport } from './deflate-echo.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A ws client that offers permessage-deflate and compresses everything. */
async function open(path = '/ws/echo-deflate') {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, {
    perMessageDeflate: { threshold: 0 },
  });
  let agreed: string | undefined;
  // The 101's socket is the TCP socket under the WebSocket, whose
  // bytesWritten counts what the client put on the wire.
  let socket: Socket | undefined;
  ws.once('upgrade', (response) => {
    agreed = response.headers['sec-websocket-extensions'];
    socket = response.socket;
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, socket: socket!, agreed };
}

const nextMessage = (ws: WebSocket) =>
  new Promise<Buffer>((resolve) => ws.once('message', (data) => resolve(data as Buffer)));

test('the handshake agrees on permessage-deflate; /ws/echo does not offer it', async () => {
  const { ws, agreed } = await open();
  expect(agreed).toBe('permessage-deflate');
  ws.close();
  const plain = await open('/ws/echo');
  expect(plain.agreed).toBeUndefined();
  plain.ws.close();
});

test('a repetitive message crosses compressed both ways, and the report says by how much', async () => {
  const { ws } = await open();
  const message = 'tick '.repeat(1000);
  ws.send(message);
  expect(String(await nextMessage(ws))).toBe(message);
  const report = JSON.parse(String(await nextMessage(ws))) as WireReport;
  expect(report.type).toBe('wire');
  expect(report.messageBytes).toBe(5000);
  // 2 bytes of header and 4 of mask around a few dozen of deflate.
  expect(report.wireIn).toBeGreaterThan(6);
  expect(report.wireIn).toBeLessThan(60);
  expect(report.wireOut).toBeLessThan(60);
  ws.close();
});

test('1 KiB of deflate that inflates to 1 MiB is refused after inflation: close 1009', async () => {
  const { ws, socket } = await open();
  const sentBefore = socket.bytesWritten;
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  ws.send(Buffer.alloc(1024 * 1024), () => {});
  expect(await closed).toBe(1009);
  const sent = socket.bytesWritten - sentBefore;
  // What crossed the wire was far under the 64 KiB limit.
  expect(sent).toBeLessThan(2048);
  // The server is fine: the next connection echoes.
  const { ws: again } = await open();
  again.send('still here');
  expect(String(await nextMessage(again))).toBe('still here');
  again.close();
});
