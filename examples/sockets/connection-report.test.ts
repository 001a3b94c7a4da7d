import { once } from 'node:events';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { standIn } from '../../tests/support/stand-in.ts';
import { run } from './connection-client.ts';
import { type ConnectionReport, countDescriptors, type Descriptors } from './connection-report.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** GET /sockets/connection, and our own end of the socket it used. */
async function ask(method = 'GET') {
  const { port } = new URL(server.url);
  const req = request({ host: '127.0.0.1', port, path: '/sockets/connection', method });
  req.end();
  const [res] = await once(req, 'response');
  const ours = { address: req.socket!.localAddress, port: req.socket!.localPort };
  let body = '';
  for await (const chunk of res) body += chunk;
  return { status: res.statusCode as number, headers: res.headers, body, ours };
}

test('the report names both ends of the very socket that asked', async () => {
  const { status, body, ours } = await ask();
  expect(status).toBe(200);
  const report = JSON.parse(body) as ConnectionReport;
  expect(report).toMatchObject({
    protocol: 'HTTP/1.1 over TCP',
    remote: { address: ours.address, port: ours.port, family: 'IPv4' },
    local: { address: '127.0.0.1', port: Number(new URL(server.url).port), family: 'IPv4' },
  });
});

test('on Linux it counts descriptors by kind, sockets among them', async () => {
  const report = JSON.parse((await ask()).body) as ConnectionReport;
  expect(report.descriptors).not.toBe('unknown');
  const { total, sockets, files, pipes, other } = report.descriptors as Descriptors;
  // At least the listening socket and this connection.
  expect(sockets).toBeGreaterThanOrEqual(2);
  expect(sockets + files + pipes + other).toBe(total);
});

test('kinds come from where each descriptor points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-fd-'));
  symlinkSync('socket:[101]', join(dir, '3'));
  symlinkSync('socket:[102]', join(dir, '4'));
  symlinkSync('pipe:[7]', join(dir, '5'));
  symlinkSync('/dev/null', join(dir, '0'));
  symlinkSync('anon_inode:[eventpoll]', join(dir, '6'));
  expect(countDescriptors(dir)).toEqual({
    total: 5,
    sockets: 2,
    files: 1,
    pipes: 1,
    other: 1,
  });
});

test('without /proc the count says "unknown" instead of guessing', () => {
  expect(countDescriptors('/no/such/proc/self/fd')).toBe('unknown');
});

test('other methods get 405 with Allow', async () => {
  const { status, headers, body } = await ask('POST');
  expect(status).toBe(405);
  expect(headers['allow']).toBe('GET, HEAD');
  expect(JSON.parse(body)).toEqual({
    error: 'POST is not allowed on /sockets/connection; use GET or HEAD',
  });
});

test('the demo shows both ends and the descriptors', async () => {
  const result = await runInNode(run, server.url);
  const [, ends, count, kinds] = result.lines;
  expect(result.text[0]).toBe('info HTTP/1.1 over TCP');
  expect(ends).toMatchObject({
    direction: 'view',
    view: 'table',
    value: [
      { end: 'you (remote)', address: '127.0.0.1', port: expect.any(Number), family: 'IPv4' },
      {
        end: 'playground (local)',
        address: '127.0.0.1',
        port: Number(new URL(server.url).port),
        family: 'IPv4',
      },
    ],
  });
  expect(count).toMatchObject({
    direction: 'info',
    data: expect.stringMatching(/^the playground has \d+ descriptors open:$/),
  });
  expect(kinds).toMatchObject({
    direction: 'view',
    view: 'table',
    value: [{ total: expect.any(Number), sockets: expect.any(Number) }],
  });
  expect(result.lines).toHaveLength(4);
  expect(result.ok).toBe(true);
});

test('the demo says so when the count is unknown', async () => {
  const report: ConnectionReport = {
    protocol: 'HTTP/1.1 over TCP',
    remote: { address: '::1', port: 5, family: 'IPv6' },
    local: { address: '::1', port: 6, family: 'IPv6' },
    descriptors: 'unknown',
  };
  const playground = await standIn({ '/sockets/connection': report });
  try {
    const result = await runInNode(run, playground.url);
    expect(result.text.at(-1)).toBe('info the playground cannot count its descriptors here');
  } finally {
    await playground.close();
  }
});
