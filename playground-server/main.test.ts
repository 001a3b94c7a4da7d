// The real process, as `npm start` runs it: it prints its URL, serves,
// and on SIGTERM drains (in-flight requests answered, every WebSocket
// closed with 1001, every port closed) and exits 0.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { startPlaygroundProcess as start } from '../tests/support/playground-process.ts';

test('prints its URL, and SIGTERM closes clients with 1001 and exits 0', async () => {
  const server = start({ SITE_DIR: '/nonexistent-site' });
  const url = await server.url;
  const health = await fetch(`${url}/healthz`);
  expect(await health.json()).toMatchObject({ status: 'ok' });
  // Without a built site, pages say how to build it.
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(503);
  expect(await page.text()).toMatch(/npm run build/);

  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/echo`);
  await new Promise((resolve) => ws.once('open', resolve));
  const code = new Promise((resolve) => ws.once('close', resolve));
  server.child.kill('SIGTERM');
  expect(await code).toBe(1001);
  expect(await server.exited).toBe(0);
}, 20_000);

test('a bad setting stops it with a message naming the variable', async () => {
  const server = start({ PORT: 'eighty' });
  expect(await server.exited).toBe(2);
  expect(server.output()).toMatch(/PORT must be a whole number from 0 to 65535, not "eighty"/);
});

test('SIGTERM drains: no new connections, in-flight requests answered, WebSockets 1001, ports closed, exit 0', async () => {
  const server = start({ SITE_DIR: '/nonexistent-site', SHUTDOWN_GRACE_MS: '10000' });
  const url = await server.url;
  const health = await (await fetch(`${url}/healthz`)).json();
  const tcpPort = health.sockets.tcpEcho.port as number;

  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/echo`);
  await new Promise((resolve) => ws.once('open', resolve));
  const wsClosed = new Promise((resolve) => ws.once('close', resolve));
  const tcp = connect(tcpPort, '127.0.0.1');
  await new Promise((resolve) => tcp.once('connect', resolve));
  const tcpClosed = new Promise((resolve) => tcp.once('close', resolve));
  tcp.on('error', () => {});

  // A call that takes a second and a half, in flight when the signal comes.
  const call = fetch(`${url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"jsonrpc":"2.0","method":"Clock.sleep","params":{"ms":1500},"id":1}',
  });
  await expect.poll(async () => (await (await fetch(`${url}/healthz`)).json()).requests).toBe(1);
  server.child.kill('SIGTERM');
  await expect.poll(() => server.output()).toMatch(/SIGTERM: closing connections/);

  // The port no longer accepts anyone new.
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  expect(await wsClosed).toBe(1001);
  await tcpClosed;
  // The call in flight is answered in full, on a connection then closed.
  const answer = await call;
  expect(answer.status).toBe(200);
  expect(answer.headers.get('connection')).toBe('close');
  expect(await answer.json()).toEqual({ jsonrpc: '2.0', result: { slept: 1500 }, id: 1 });
  expect(await server.exited).toBe(0);
}, 30_000);

test('with TLS_PORT it prints the TLS URL and the certificate it made', async () => {
  const tlsDir = mkdtempSync(join(tmpdir(), 'wirebook-main-tls-'));
  const server = start({ SITE_DIR: '/nonexistent-site', TLS_PORT: '0', TLS_DIR: tlsDir });
  const url = await server.url;
  const health = await (await fetch(`${url}/healthz`)).json();
  expect(server.output()).toContain(
    `and with TLS at https://127.0.0.1:${health.tls.port}/ ` +
      `(certificate: self-signed (made), SHA-256 ${health.tls.fingerprint256})`,
  );
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}, 20_000);

test('a TLS_CERT it cannot read stops it, naming the variable', async () => {
  const missing = start({ TLS_CERT: '/nonexistent/cert.pem', TLS_KEY: '/nonexistent/key.pem' });
  expect(await missing.exited).toBe(2);
  expect(missing.output()).toMatch(
    /^wirebook: TLS_CERT names a file that cannot be read: \/nonexistent\/cert\.pem \(ENOENT\)$/m,
  );
}, 20_000);

test('a TLS_CERT that is no certificate stops it, naming the variable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-main-tls-'));
  const notPem = join(dir, 'not-a-cert.pem');
  writeFileSync(notPem, 'hello');
  const bad = start({ TLS_PORT: '0', TLS_CERT: notPem, TLS_KEY: notPem });
  expect(await bad.exited).toBe(2);
  expect(bad.output()).toMatch(
    /^wirebook: TLS_CERT \(.*not-a-cert\.pem\) is not a PEM certificate/m,
  );
}, 20_000);
