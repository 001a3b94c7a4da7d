import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../tests/support/playground.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import type { RunningServer } from './server.ts';

/** A tiny built site, with a secret file beside (not inside) it. */
function fixtureSite() {
  const root = mkdtempSync(join(tmpdir(), 'wirebook-site-'));
  const site = join(root, 'dist');
  mkdirSync(join(site, '_astro'), { recursive: true });
  mkdirSync(join(site, 'websocket', 'echo-server'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>not here</h1>');
  mkdirSync(join(site, 'zh-cn', '404'), { recursive: true });
  writeFileSync(join(site, 'zh-cn', '404', 'index.html'), '<h1>页面不存在</h1>');
  writeFileSync(join(site, 'websocket', 'echo-server', 'index.html'), '<h1>echo</h1>');
  writeFileSync(join(site, '_astro', 'cell.abc123.js'), 'export {}');
  return site;
}

/** A GET with the path sent exactly as written (fetch would normalize it). */
function rawGet(base: string, path: string, method = 'GET') {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path, method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

let server: RunningServer;
let wsBase: string;

beforeAll(async () => {
  server = await startTestServer({
    siteDir: fixtureSite(),
    allowedOrigins: ['https://friend.example'],
  });
  wsBase = server.url.replace('http', 'ws');
});
afterAll(() => server.close());

describe('GET /healthz', () => {
  test('says ok, with uptime and open WebSockets', async () => {
    const ws = new WebSocket(`${wsBase}/ws/echo`);
    await new Promise((resolve) => ws.once('open', resolve));
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    // Each part may add facts of its own under its name.
    expect(await response.json()).toMatchObject({
      status: 'ok',
      // No REDIS_URL: nothing to be degraded by.
      degraded: false,
      redis: null,
      uptimeSeconds: expect.any(Number),
      websockets: 1,
      rpc: { tcpPort: expect.any(Number), goPort: expect.any(Number) },
    });
    ws.close();
  });

  test('answers other methods with 405 and Allow', async () => {
    const response = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({
      error: 'POST is not allowed on /healthz; use GET or HEAD',
    });
  });
});

describe('the site', () => {
  test('serves pages with types, ETags and revalidation', async () => {
    const page = await fetch(`${server.url}/websocket/echo-server/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<h1>echo</h1>');
    const again = await fetch(`${server.url}/websocket/echo-server/`, {
      headers: { 'if-none-match': page.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  test('marks hashed assets immutable', async () => {
    const asset = await fetch(`${server.url}/_astro/cell.abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('answers an unknown path with the 404 page', async () => {
    const missing = await fetch(`${server.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>not here</h1>');
  });

  test('answers an unknown path under /zh-cn/ with the Chinese 404 page', async () => {
    const missing = await fetch(`${server.url}/zh-cn/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>页面不存在</h1>');
  });

  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/websocket/../../secret.txt',
    '//secret.txt',
    '/..\\secret.txt',
  ])('never serves a file outside the site: %s', async (path) => {
    const response = await rawGet(server.url, path);
    expect([response.status, response.body]).toEqual([404, '<h1>not here</h1>']);
  });

  test('refuses methods other than GET and HEAD with 405', async () => {
    const response = await rawGet(server.url, '/', 'DELETE');
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe('{"error":"DELETE is not allowed on /; use GET or HEAD"}');
  });
});

describe('WebSocket upgrades', () => {
  test('an unknown endpoint gets 404 with the endpoints that exist', async () => {
    const raw = await openRaw(`${wsBase}/ws/nope`);
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    await raw.close;
    expect(raw.received().toString()).toMatch(
      /^No WebSocket endpoint at \/ws\/nope; try (\/ws\/[\w/-]+, )*\/ws\/echo(, \/ws\/[\w/-]+)*\n$/,
    );
  });

  test('a path outside /ws/ gets 404', async () => {
    const raw = await openRaw(`${wsBase}/healthz`);
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    await raw.close;
    expect(raw.received().toString()).toBe('WebSocket endpoints live under /ws/\n');
  });

  test('a page from another origin gets 403', async () => {
    const raw = await openRaw(`${wsBase}/ws/echo`, { Origin: 'https://evil.example' });
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    await raw.close;
    expect(raw.received().toString()).toBe(
      'Origin https://evil.example may not open WebSockets here; only this site and ALLOWED_ORIGINS may\n',
    );
  });

  test.each([
    ['the same origin', () => server.url],
    ['an allowed origin', () => 'https://friend.example'],
    ['no Origin (not a browser)', () => undefined],
  ])('%s may connect', async (_, origin) => {
    const value = origin();
    const raw = await openRaw(`${wsBase}/ws/echo`, value ? { Origin: value } : {});
    expect(raw.response).toMatch(/^HTTP\/1.1 101/);
    raw.socket.destroy();
  });

  test('a handshake cut off halfway does not disturb the server', async () => {
    const raw = await openRaw(`${wsBase}/ws/echo`);
    raw.socket.resetAndDestroy();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });
});

test('close() sends 1001 to every open WebSocket', async () => {
  const own = await startTestServer();
  const ws = new WebSocket(`${own.url.replace('http', 'ws')}/ws/echo`);
  await new Promise((resolve) => ws.once('open', resolve));
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, reason.toString()]));
  });
  await own.close();
  expect(await closed).toEqual([1001, 'server shutting down']);
  // A second close waits for the same shutdown instead of failing.
  await expect(own.close()).resolves.toBeUndefined();
});
