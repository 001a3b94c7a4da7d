// The TLS port: the same handlers and limits as the HTTP port, over
// TLS, with the certificate /healthz and /tls/certificate.pem name.

import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startTestServer, withTls } from '../../tests/support/playground.ts';
import { ConfigError } from '../config.ts';

/** GET over TLS, trusting only the playground's certificate. */
function httpsGet(url: string, ca: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { ca, servername: 'localhost', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('with TLS_PORT', () => {
  let server: RunningServer;
  let tlsUrl: string;
  let ca: string;

  beforeAll(async () => {
    server = await startTestServer(withTls());
    tlsUrl = server.tls!.url.replace('127.0.0.1', 'localhost');
    ca = server.tls!.files.cert;
  });
  afterAll(() => server?.close());

  test('/healthz names the port and the certificate’s fingerprint, on both ports', async () => {
    const port = Number(new URL(server.tls!.url).port);
    const expected = { port, fingerprint256: new X509Certificate(ca).fingerprint256 };
    expect(port).toBeGreaterThan(0);
    expect((await (await fetch(`${server.url}/healthz`)).json()).tls).toEqual(expected);
    const overTls = await httpsGet(`${tlsUrl}/healthz`, ca);
    expect(overTls.status).toBe(200);
    expect(JSON.parse(overTls.body).tls).toEqual(expected);
  });

  test('GET /tls/certificate.pem is the certificate served; other methods get 405', async () => {
    const response = await fetch(`${server.url}/tls/certificate.pem`);
    expect(response.headers.get('content-type')).toBe('application/x-pem-file');
    expect(await response.text()).toBe(ca);
    const post = await fetch(`${server.url}/tls/certificate.pem`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  test('wss reaches the same endpoints, and the same Origin check', async () => {
    const ws = new WebSocket(`${tlsUrl.replace('https', 'wss')}/ws/echo`, { ca });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send('over tls');
    const echo = await new Promise<string>((resolve) =>
      ws.once('message', (data) => resolve(String(data))),
    );
    expect(echo).toBe('over tls');
    ws.close();

    const foreign = new WebSocket(`${tlsUrl.replace('https', 'wss')}/ws/echo`, {
      ca,
      origin: 'https://evil.example',
    });
    const status = await new Promise((resolve) =>
      foreign.once('unexpected-response', (_, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(403);
  });

  test('the same limits hold: a head over MAX_HEADER_BYTES gets 431', async () => {
    const answer = await httpsGet(`${tlsUrl}/healthz`, ca, { 'x-big': 'a'.repeat(20_000) });
    expect(answer.status).toBe(431);
  });

  test('a client that does not trust the certificate is refused by its own check', async () => {
    await expect(httpsGet(`${tlsUrl}/healthz`, '')).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });
});

test('TLS_PORT off: no TLS port, /healthz says null, the certificate is 404 saying why', async () => {
  const server = await startTestServer();
  try {
    expect(server.tls).toBeNull();
    expect((await (await fetch(`${server.url}/healthz`)).json()).tls).toBeNull();
    const response = await fetch(`${server.url}/tls/certificate.pem`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'this playground has no TLS port (TLS_PORT=off, or npm run dev)',
    });
  } finally {
    await server.close();
  }
});

test('a TLS_PORT in use stops the start with a ConfigError naming it', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => taken.once('listening', resolve));
  const { port } = taken.address() as AddressInfo;
  try {
    const starting = startTestServer({ ...withTls(), tlsPort: port });
    await expect(starting).rejects.toThrow(ConfigError);
    await expect(starting).rejects.toThrow(
      `cannot listen for TLS on 127.0.0.1:${port} (EADDRINUSE); set TLS_PORT to another port, or off`,
    );
  } finally {
    taken.close();
  }
});

test('a client that opens the TLS port and never finishes a handshake is cut off at HEADERS_TIMEOUT_MS; garbage is dropped', async () => {
  const server = await startTestServer({ ...withTls(), headersTimeoutMs: 300 });
  try {
    const port = Number(new URL(server.tls!.url).port);
    const started = Date.now();
    const silent = connect(port, '127.0.0.1');
    silent.on('error', () => {});
    await new Promise((resolve) => silent.once('close', resolve));
    const heldMs = Date.now() - started;
    expect(heldMs).toBeGreaterThanOrEqual(250);
    expect(heldMs).toBeLessThan(3_000);

    const garbage = connect(port, '127.0.0.1', () => garbage.write('GET / HTTP/1.1\r\n\r\n'));
    garbage.on('error', () => {});
    await new Promise((resolve) => garbage.once('close', resolve));
    // And the port still serves.
    const health = await httpsGet(`${server.tls!.url}/healthz`, server.tls!.files.cert);
    expect(health.status).toBe(200);
  } finally {
    await server.close();
  }
});

test('a server-run demo started from a page on the TLS port reaches the playground on its HTTP port', async () => {
  // A fixed PORT, as in any deployment: found free, then given.
  const free = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => free.once('listening', resolve));
  const { port } = free.address() as AddressInfo;
  await new Promise((resolve) => free.close(resolve));
  const server = await startTestServer({ ...withTls(), port });
  try {
    const wss = `${server.tls!.url.replace('https', 'wss')}/ws/run?demo=sockets/tcp-client`;
    const ws = new WebSocket(wss, { ca: server.tls!.files.cert });
    const messages: { type: string; ok?: boolean }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    const code = await new Promise((resolve) => ws.once('close', resolve));
    expect(code).toBe(1000);
    expect(messages.at(-1)).toEqual({ type: 'end', ok: true });
  } finally {
    await server.close();
  }
});
