// `npm run dev` serves the playground through devMiddleware on Vite's
// server; these drive that middleware on a bare node:http server,
// with a `next` standing in for Vite, and check that it applies the
// same request guards as `npm start`.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rawRequest } from '../tests/support/raw-http.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import { createPlayground } from './app.ts';
import { devMiddleware, devUpgrade } from './astro-integration.ts';
import { DEFAULTS } from './config.ts';

const playground = createPlayground({ ...DEFAULTS, siteDir: null, maxHeaders: 20 });
const middleware = devMiddleware(playground);
// What reaches Vite, which would serve the pages.
const passedOn: string[] = [];
const http = createServer((req, res) => {
  try {
    middleware(req, res, () => {
      passedOn.push(req.url ?? '');
      res.end('vite');
    });
  } catch (error) {
    res.writeHead(500).end(`threw: ${String(error)}`);
  }
});
http.on('upgrade', devUpgrade(playground));
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await playground.close();
  await new Promise((resolve) => http.close(resolve));
});

test.each(['//%zz', '//%2f', '//[::1'])(
  'GET %s: a target that is no URL gets 400 saying why, not an exception',
  async (path) => {
    const response = await rawRequest(base, 'GET', path);
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      'The request target is not a path this server can read; send one such as /docs/\n',
    );
    expect(passedOn).not.toContain(path);
  },
);

test('an absolute-form target is routed by its path', async () => {
  const health = await rawRequest(base, 'GET', 'http://example.org/healthz');
  expect(health.status).toBe(200);
  expect(health.json).toMatchObject({ status: 'ok' });
  const page = await rawRequest(base, 'GET', 'http://example.org/docs/');
  expect(page.body).toBe('vite');
  expect(passedOn).toContain('http://example.org/docs/');
});

test('too many header lines get 431, as with npm start', async () => {
  const headers = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`x-header-${i}`, 'x']));
  const response = await rawRequest(base, 'GET', '/healthz', { headers });
  expect(response.status).toBe(431);
  expect(response.body).toMatch(/more than 20 header lines/);
});

test('what the playground does not own goes on to Vite', async () => {
  const response = await rawRequest(base, 'GET', '/websocket/echo-server/');
  expect(response.body).toBe('vite');
});

test('an upgrade to a target that is no URL gets 400 too', async () => {
  const raw = await openRaw(`${base.replace('http', 'ws')}//%zz`);
  expect(raw.response).toMatch(/^HTTP\/1.1 400 Bad Request/);
  await raw.close;
  expect(raw.received().toString()).toMatch(/^The request target is not a path/);
});

test('an upgrade to a /ws/ endpoint is taken', async () => {
  const raw = await openRaw(`${base.replace('http', 'ws')}/ws/echo`);
  expect(raw.response).toMatch(/^HTTP\/1.1 101/);
  raw.socket.destroy();
});
