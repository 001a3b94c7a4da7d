// CORS for a site on another origin: what an allowed page, a page on
// any other origin and a request without Origin get, on every kind of
// endpoint the cells fetch.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer } from '../tests/support/playground.ts';
import { rawRequest } from '../tests/support/raw-http.ts';
import type { RunningServer } from './server.ts';

const SITE = 'https://site.example';
const EVIL = 'https://evil.example';
// What the cells need, written out here rather than read from cors.ts,
// whose lists are what is under test.
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const REQUEST_HEADERS =
  'Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since, ' +
  'If-Unmodified-Since, Idempotency-Key, ' +
  'Connect-Protocol-Version, Connect-Timeout-Ms, Grpc-Timeout, X-Grpc-Web, X-User-Agent, X-Request-Id';
const EXPOSED_HEADERS =
  'ETag, Last-Modified, Location, Link, Retry-After, RateLimit, RateLimit-Policy, ' +
  'Allow, Accept, Accept-Patch, WWW-Authenticate, X-Cache, Age, Via, Vary, ' +
  'Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin, X-Request-Id';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: [SITE] });
});
afterAll(() => server.close());

const preflight = (path: string, origin: string, method = 'PUT') =>
  rawRequest(server.url, 'OPTIONS', path, {
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type, if-match',
    },
  });

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('a preflight', () => {
  test.each(['/api/notes/n', '/api/cached/notes', '/rpc', '/healthz', '/why/runs'])(
    'from an allowed origin to %s gets 204 with what may be sent',
    async (path) => {
      const response = await preflight(path, SITE);
      expect(response.status).toBe(204);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': SITE,
        'access-control-allow-methods': METHODS,
        'access-control-allow-headers': REQUEST_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    },
  );

  test('from any other origin gets 403 that says why, and no CORS headers', async () => {
    const response = await preflight('/api/notes/n', EVIL);
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      `Origin ${EVIL} may not call this playground; only this site and ALLOWED_ORIGINS may\n`,
    );
    expect(corsHeaders(response.headers)).toEqual([]);
  });

  test('an OPTIONS that is no preflight still reaches the notes API', async () => {
    const response = await rawRequest(server.url, 'OPTIONS', '/api/notes', {
      headers: { origin: SITE },
    });
    expect(response.status).toBe(204);
    expect(response.headers['allow']).toBe('GET, HEAD, POST, OPTIONS');
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
  });
});

describe('a request', () => {
  test.each(['/healthz', '/sockets/echo', '/sockets/connection', '/why/clock'])(
    'from an allowed origin to %s may be read by the page',
    async (path) => {
      const response = await rawRequest(server.url, 'GET', path, { headers: { origin: SITE } });
      expect(response.status).toBe(200);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': SITE,
        'access-control-expose-headers': EXPOSED_HEADERS,
        vary: 'Origin',
      });
    },
  );

  test('POST /rpc from an allowed origin is answered and readable', async () => {
    const response = await rawRequest(server.url, 'POST', '/rpc', {
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}',
    });
    expect(response.json).toEqual({ jsonrpc: '2.0', result: 19, id: 1 });
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
  });

  test('from any other origin is answered with no CORS headers, so the browser hides it', async () => {
    const response = await rawRequest(server.url, 'GET', '/healthz', { headers: { origin: EVIL } });
    expect(response.status).toBe(200);
    expect(corsHeaders(response.headers)).toEqual([]);
    expect(response.headers['vary']).toBe('Origin');
  });

  test('from this site itself, or without Origin, needs no CORS headers', async () => {
    const self = await rawRequest(server.url, 'GET', '/healthz', {
      headers: { origin: server.url },
    });
    const none = await rawRequest(server.url, 'GET', '/healthz');
    for (const response of [self, none]) {
      expect(response.status).toBe(200);
      expect(corsHeaders(response.headers)).toEqual([]);
    }
  });

  test('the notes keep their own Vary, with Origin added, and expose ETag and Location', async () => {
    const auth = { authorization: `Bearer ${randomUUID()}` };
    const created = await rawRequest(server.url, 'POST', '/api/notes', {
      headers: { ...auth, origin: SITE, 'content-type': 'application/json' },
      body: '{"title":"Milk","body":"Two litres."}',
    });
    expect(created.status).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBe(SITE);
    expect(created.headers['location']).toBe('notes/1');
    const location = new URL(String(created.headers['location']), `${server.url}/api/notes`);
    const read = await rawRequest(server.url, 'GET', location.pathname, {
      headers: { ...auth, origin: SITE },
    });
    expect(read.headers['vary']).toBe('Origin, accept, authorization');
    // The ETag of '{"id":"1","title":"Milk","body":"Two litres."}', as
    // worked out in examples/rest/notes.test.ts.
    expect(read.headers['etag']).toBe('"F-xvSlSTYlhyTFVv"');
    for (const response of [created, read]) {
      expect(response.headers['access-control-expose-headers']).toBe(EXPOSED_HEADERS);
    }
  });

  test("the caching layer keeps a copy per origin, and never hands one origin's CORS answer to another", async () => {
    const auth = { authorization: `Bearer ${randomUUID()}` };
    await rawRequest(server.url, 'PUT', '/api/notes/shared', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"title":"Bread","body":"One loaf."}',
    });
    const path = '/api/cached/notes/shared';
    const first = await rawRequest(server.url, 'GET', path, { headers: { ...auth, origin: SITE } });
    const second = await rawRequest(server.url, 'GET', path, {
      headers: { ...auth, origin: EVIL },
    });
    const third = await rawRequest(server.url, 'GET', path, { headers: { ...auth, origin: SITE } });
    // The origin's answers say Vary: Origin, and the layer obeys it.
    expect([first, second, third].map((r) => r.headers['x-cache'])).toEqual([
      'miss',
      'miss',
      'hit',
    ]);
    expect(first.headers['access-control-allow-origin']).toBe(SITE);
    expect(corsHeaders(second.headers)).toEqual([]);
    expect(third.headers['access-control-allow-origin']).toBe(SITE);
    for (const response of [first, second, third]) {
      expect(response.headers['vary']).toBe('Origin, accept, authorization');
    }
    // A revalidation (304) keeps Vary right too.
    const again = await rawRequest(server.url, 'GET', path, {
      headers: { ...auth, origin: SITE, 'if-none-match': String(first.headers['etag']) },
    });
    expect(again.status).toBe(304);
    expect(again.headers['vary']).toBe('Origin, accept, authorization');
  });
});

test('without ALLOWED_ORIGINS only this site may: other origins get no CORS headers', async () => {
  const plain = await startTestServer();
  try {
    const response = await rawRequest(plain.url, 'GET', '/healthz', { headers: { origin: SITE } });
    expect(corsHeaders(response.headers)).toEqual([]);
    expect(response.headers['vary']).toBe('Origin');
    const refused = await rawRequest(plain.url, 'OPTIONS', '/rpc', {
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
  } finally {
    await plain.close();
  }
});

describe('a page of this site, calling the playground under another name', () => {
  // The test server listens on 127.0.0.1; the site's pages come from
  // there. Host: localhost is the same server, reached by another name.
  const own = () => server.url;
  const viaLocalhost = () => ({ host: `localhost:${new URL(server.url).port}` });

  test('may read the answers: it was served from the address the request came in on', async () => {
    const response = await rawRequest(server.url, 'GET', '/healthz', {
      headers: { ...viaLocalhost(), origin: own() },
    });
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': own(),
      'access-control-expose-headers': EXPOSED_HEADERS,
      vary: 'Origin',
    });
    const preflight = await rawRequest(server.url, 'OPTIONS', '/api/notes/n', {
      headers: { ...viaLocalhost(), origin: own(), 'access-control-request-method': 'PUT' },
    });
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([
      204,
      own(),
    ]);
  });

  test('under a name of the same host but another port, or another loopback name, may not', async () => {
    const port = Number(new URL(server.url).port);
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`]) {
      const response = await rawRequest(server.url, 'OPTIONS', '/api/notes/n', {
        headers: { host: `127.0.0.2:${port}`, origin, 'access-control-request-method': 'PUT' },
      });
      expect([origin, response.status]).toEqual([origin, 403]);
      expect(corsHeaders(response.headers)).toEqual([]);
    }
  });
});
