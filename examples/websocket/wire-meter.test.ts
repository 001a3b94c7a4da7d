import { createServer } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { headBytes, WireMeter } from './wire-meter.ts';

const meters = { '/a': new WireMeter(), '/b': new WireMeter() };
const http = createServer((req, res) => {
  const meter = meters[req.url as keyof typeof meters];
  res.once('close', meter.start(req));
  res.end(`hello from ${req.url}`);
});
let port: number;

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => http.close(resolve)));

/** Sends one request on `socket`; resolves with the whole response. */
function exchange(socket: Socket, request: string, body: string) {
  return new Promise<string>((resolve) => {
    let response = '';
    const onData = (chunk: Buffer) => {
      response += chunk.toString('latin1');
      if (response.endsWith(body)) {
        socket.off('data', onData);
        resolve(response);
      }
    };
    socket.on('data', onData);
    socket.write(request);
  });
}

test('requests on one keep-alive socket are counted apart, byte for byte', async () => {
  const socket = connect(port, '127.0.0.1');
  const req = (path: string) =>
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: wirebook-test\r\n\r\n`;
  const sent = { '/a': 0, '/b': 0 };
  const got = { '/a': 0, '/b': 0 };
  for (const path of ['/a', '/b', '/a'] as const) {
    const response = await exchange(socket, req(path), `hello from ${path}`);
    sent[path] += Buffer.byteLength(req(path));
    got[path] += Buffer.byteLength(response, 'latin1');
  }
  await expect
    .poll(() => meters['/a'].total())
    .toEqual({
      requests: 2,
      bytesIn: sent['/a'],
      bytesOut: got['/a'],
    });
  expect(meters['/b'].total()).toEqual({
    requests: 1,
    bytesIn: sent['/b'],
    bytesOut: got['/b'],
  });
  socket.destroy();
});

test('the head of a request is counted as its line and headers were sent', () => {
  const req = {
    method: 'GET',
    url: '/why/poll?run=x',
    httpVersion: '1.1',
    rawHeaders: ['Host', 'example.org', 'Accept', '*/*'],
  } as Parameters<typeof headBytes>[0];
  expect(headBytes(req)).toBe(
    Buffer.byteLength('GET /why/poll?run=x HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n'),
  );
});
