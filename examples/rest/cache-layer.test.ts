import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { forEachResponseStore } from '../../tests/support/rest-stores.ts';
import { createCacheLayer } from './cache-layer.ts';
import type { ResponseStore } from './cache-store.ts';
import { Cursors } from './cursor.ts';
import { IdempotencyKeys } from './idempotency.ts';
import { NoteStore } from './note-store.ts';
import { createNotesHandler } from './notes.ts';

// The layer and the origin on one server, as in the playground, but
// with a clock the test moves and a count of what reached the origin.
let clock = 0;
let originRequests: string[] = [];
let server: Server;
let base: string;

/** Starts the origin and the layer, whose responses `store` keeps. */
async function start(store: ResponseStore | undefined) {
  const limits = { maxBodyBytes: 1024, maxUrlBytes: 2048 };
  const notes = createNotesHandler({
    store: new NoteStore({ maxTokens: 100, maxNotesPerToken: 100 }),
    ...limits,
    pageSizes: { defaultLimit: 10, maxLimit: 20 },
    cursors: new Cursors(),
    keys: new IdempotencyKeys({ maxKeys: 10, ttlMs: 60_000, maxTokens: 100 }),
  });
  const layer = createCacheLayer({
    ...limits,
    maxBytes: 64 * 1024,
    originOf: () => base,
    now: () => clock,
    ...(store ? { store } : {}),
  });
  server = createServer((req, res) => {
    if (req.url?.startsWith('/api/cached/')) return void layer.handle(req, res);
    originRequests.push(`${req.method} ${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
    void notes(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let token: string;
beforeEach(() => {
  clock = 1_000_000;
  originRequests = [];
  token = crypto.randomUUID();
});

/** A request through the layer (or, for /api/notes, to the origin). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  return rawRequest(base, method, path, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const soup = { title: 'Menu', body: 'Soup.' };

// What the layer does, with its store in memory and in Redis alike.
forEachResponseStore((make) => {
  beforeAll(async () => start(await make(64 * 1024)));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('a note is a miss, then a hit that never reaches the origin', async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    originRequests = [];
    const first = await send('GET', '/api/cached/notes/menu');
    const second = await send('GET', '/api/cached/notes/menu');
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
    expect(second.json).toEqual({ id: 'menu', ...soup });
    expect(second.headers).toMatchObject({
      'content-type': 'application/json',
      etag: first.headers['etag'],
      via: '1.1 wirebook-cache',
      age: '0',
      vary: 'accept, authorization',
    });
    expect(originRequests).toEqual(['GET /api/notes/menu']);
  });

  test('after 60 s the copy is stale: the origin confirms it with a 304', async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    const first = await send('GET', '/api/cached/notes/menu');
    clock += 59_000;
    expect((await send('GET', '/api/cached/notes/menu')).headers).toMatchObject({
      'x-cache': 'hit',
      age: '59',
    });
    clock += 1_000;
    originRequests = [];
    const stale = await send('GET', '/api/cached/notes/menu');
    expect(stale.status).toBe(200);
    expect(stale.headers).toMatchObject({ 'x-cache': 'revalidated', age: '0' });
    expect(stale.json).toEqual({ id: 'menu', ...soup });
    expect(originRequests).toEqual([`GET /api/notes/menu ${first.headers['etag']}`]);
    expect((await send('GET', '/api/cached/notes/menu')).headers['x-cache']).toBe('hit');
  });

  test('a stale copy the origin has changed is replaced', async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    await send('GET', '/api/cached/notes/menu');
    await send('PUT', '/api/notes/menu', {}, { title: 'Menu', body: 'Salad.' });
    expect((await send('GET', '/api/cached/notes/menu')).json).toMatchObject({ body: 'Soup.' });
    clock += 60_000;
    const fresh = await send('GET', '/api/cached/notes/menu');
    expect(fresh.headers['x-cache']).toBe('miss');
    expect(fresh.json).toMatchObject({ body: 'Salad.' });
  });

  test('the list is stored, but checked with the origin every time', async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    originRequests = [];
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push((await send('GET', '/api/cached/notes')).headers['x-cache']);
    expect(outcomes).toEqual(['miss', 'revalidated', 'revalidated']);
    expect(originRequests).toHaveLength(3);
  });

  test('a write through the layer passes, and invalidates what it changed', async () => {
    await send('PUT', '/api/cached/notes/menu', {}, soup);
    await send('GET', '/api/cached/notes/menu');
    const put = await send('PUT', '/api/cached/notes/menu', {}, { title: 'Menu', body: 'Salad.' });
    expect(put.headers).toMatchObject({ 'x-cache': 'pass', via: '1.1 wirebook-cache' });
    const after = await send('GET', '/api/cached/notes/menu');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json).toMatchObject({ body: 'Salad.' });
    const removed = await send('DELETE', '/api/cached/notes/menu');
    expect([removed.status, removed.headers['x-cache']]).toEqual([204, 'pass']);
    expect((await send('GET', '/api/cached/notes/menu')).status).toBe(404);
  });

  test('a POST through the layer gets a Location that stays behind the layer', async () => {
    const created = await send('POST', '/api/cached/notes', {}, soup);
    expect(created.status).toBe(201);
    const location = String(created.headers['location']);
    const resolved = new URL(location, `${base}/api/cached/notes`).pathname;
    expect(resolved).toBe('/api/cached/notes/1');
    expect((await send('GET', resolved)).json).toEqual({ id: '1', ...soup });
  });

  test("Vary keeps formats and readers apart: no reader sees another's note", async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    expect((await send('GET', '/api/cached/notes/menu')).headers['x-cache']).toBe('miss');
    const text = await send('GET', '/api/cached/notes/menu', { accept: 'text/plain' });
    expect([text.headers['x-cache'], text.body]).toEqual(['miss', 'Menu\n\nSoup.\n']);
    const ada = token;
    token = crypto.randomUUID();
    await send('PUT', '/api/notes/menu', {}, { title: 'Menu', body: "Grace's." });
    const grace = await send('GET', '/api/cached/notes/menu');
    expect([grace.headers['x-cache'], grace.json]).toEqual([
      'miss',
      { id: 'menu', title: 'Menu', body: "Grace's." },
    ]);
    token = ada;
    expect((await send('GET', '/api/cached/notes/menu')).json).toMatchObject({ body: 'Soup.' });
  });

  test("the layer answers a client's If-None-Match itself, from a fresh copy", async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    const first = await send('GET', '/api/cached/notes/menu');
    originRequests = [];
    const again = await send('GET', '/api/cached/notes/menu', {
      'if-none-match': String(first.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers).toMatchObject({
      etag: first.headers['etag'],
      'x-cache': 'hit',
      'cache-control': 'max-age=0, s-maxage=60',
    });
    expect(originRequests).toEqual([]);
  });

  test('HEAD is answered from the store too; If-Match goes to the origin', async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    const get = await send('GET', '/api/cached/notes/menu');
    const head = await send('HEAD', '/api/cached/notes/menu');
    expect([head.status, head.body, head.headers['x-cache']]).toEqual([200, '', 'hit']);
    expect(head.headers['content-length']).toBe(String(get.body.length));
    const matched = await send('GET', '/api/cached/notes/menu', { 'if-match': '"old"' });
    expect([matched.status, matched.headers['x-cache']]).toEqual([412, 'pass']);
  });

  test("a client's Cache-Control: no-cache does not bypass a fresh copy", async () => {
    await send('PUT', '/api/notes/menu', {}, soup);
    await send('GET', '/api/cached/notes/menu');
    const reload = await send('GET', '/api/cached/notes/menu', {
      'cache-control': 'no-cache',
      pragma: 'no-cache',
    });
    expect(reload.headers['x-cache']).toBe('hit');
  });
});

describe('the layer alone', () => {
  beforeAll(() => start(undefined));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  describe('what the layer refuses itself', () => {
    test('errors from the origin pass through as they are', async () => {
      const missing = await send('GET', '/api/cached/notes/nope');
      expect([missing.status, missing.headers['x-cache'], missing.headers['content-type']]).toEqual(
        [404, 'miss', 'application/problem+json'],
      );
      const anonymous = await rawRequest(base, 'GET', '/api/cached/notes');
      expect([anonymous.status, anonymous.headers['www-authenticate']]).toEqual([
        401,
        'Bearer realm="notes"',
      ]);
    });

    test('path tricks and long URLs are refused before anything is forwarded', async () => {
      originRequests = [];
      expect((await send('GET', '/api/cached/notes/..%2fsecret')).json).toMatchObject({
        status: 400,
        type: '/rest/errors/#bad-path',
      });
      expect((await send('GET', '/api/cached/notes/../../notes')).status).toBe(400);
      expect((await send('GET', `/api/cached/notes/${'x'.repeat(2100)}`)).status).toBe(414);
      expect((await send('GET', '/api/cached/other')).json).toMatchObject({
        status: 404,
        detail:
          'Nothing is at /api/cached/other. The notes are at /api/cached/notes, and each note at /api/cached/notes/{id}.',
      });
      expect(originRequests).toEqual([]);
    });

    test('a method fetch() cannot send is a 405, and a body on a read is dropped', async () => {
      originRequests = [];
      const trace = await send('TRACE', '/api/cached/notes/soup');
      expect([trace.status, trace.headers['allow']]).toEqual([
        405,
        'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      ]);
      expect(trace.json).toMatchObject({ type: '/rest/errors/#method-not-allowed' });
      expect(originRequests).toEqual([]);
      // If-Match sends a read to the origin, without the body.
      const read = await send('GET', '/api/cached/notes/soup', { 'if-match': '"x"' }, soup);
      expect(read.status).toBe(404);
      expect(originRequests).toEqual(['GET /api/notes/soup']);
    });

    test('a body over the limit is refused by the layer with 413', async () => {
      originRequests = [];
      const big = await send(
        'POST',
        '/api/cached/notes',
        {},
        { title: 'x', body: 'x'.repeat(2000) },
      );
      expect(big.json).toMatchObject({ status: 413, type: '/rest/errors/#body-too-large' });
      expect(originRequests).toEqual([]);
    });

    test('an origin that refuses the connection is a 502 that says so', async () => {
      const lonely = createCacheLayer({
        originOf: () => 'http://127.0.0.1:9',
        maxBytes: 1024,
        maxBodyBytes: 1024,
        maxUrlBytes: 1024,
      });
      const alone = createServer((req, res) => void lonely.handle(req, res));
      await new Promise<void>((resolve) => alone.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(alone.address() as AddressInfo).port}`;
        const response = await rawRequest(url, 'GET', '/api/cached/notes', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(502);
        expect(response.json).toMatchObject({
          type: '/rest/errors/#origin-unreachable',
          detail: expect.stringMatching(
            /^The origin at http:\/\/127\.0\.0\.1:9 gave no valid answer \(.+\)\. Try again in a moment\.$/,
          ),
        });
        expect(lonely.storedBytes).toBe(0);
      } finally {
        await new Promise((resolve) => alone.close(resolve));
      }
    });

    /** The layer in front of `origin`, which has `originTimeoutMs` to answer. */
    async function layerBefore(origin: Server, originTimeoutMs = 200) {
      await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
      const layer = createCacheLayer({
        originOf: () => `http://127.0.0.1:${(origin.address() as AddressInfo).port}`,
        maxBytes: 1024,
        maxBodyBytes: 1024,
        maxUrlBytes: 1024,
        originTimeoutMs,
      });
      const front = createServer((req, res) => void layer.handle(req, res));
      await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
        close() {
          origin.closeAllConnections();
          return Promise.all([origin, front].map((s) => new Promise((r) => s.close(r))));
        },
      };
    }

    test('Via: the layer appends itself to what came before it, both ways (RFC 9110, 7.6.3)', async () => {
      let seen: string | undefined;
      const origin = createServer((req, res) => {
        seen = req.headers['via'];
        res.writeHead(200, { via: '1.1 origin-side', 'cache-control': 'no-store' });
        res.end('{}');
      });
      const { url, close } = await layerBefore(origin);
      try {
        const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
          headers: { authorization: `Bearer ${token}`, via: '1.1 edge' },
        });
        expect(seen).toBe('1.1 edge, 1.1 wirebook-cache');
        expect(response.headers['via']).toBe('1.1 origin-side, 1.1 wirebook-cache');
      } finally {
        await close();
      }
    });

    test('fields that Connection names belong to one hop: never relayed (RFC 9110, 7.6.1)', async () => {
      const origin = createServer((_, res) => {
        res.writeHead(200, {
          connection: 'keep-alive, x-hop',
          'x-hop': 'for the layer only',
          'x-end': 'for the client',
          'cache-control': 'no-store',
        });
        res.end('{}');
      });
      const { url, close } = await layerBefore(origin);
      try {
        const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.headers['x-end']).toBe('for the client');
        expect(response.headers).not.toHaveProperty('x-hop');
      } finally {
        await close();
      }
    });

    test('an origin that never answers is given up on with 504 Gateway Timeout (RFC 9110, 15.6.5)', async () => {
      const { url, close } = await layerBefore(createServer(() => {}));
      try {
        const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(504);
        expect(response.json).toMatchObject({
          type: '/rest/errors/#origin-timeout',
          status: 504,
          detail: expect.stringMatching(
            /^The origin at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.2 s\. Try again in a moment\.$/,
          ),
        });
      } finally {
        await close();
      }
    });

    test('an origin that sends its head and then stalls is a 504 too, not a 500', async () => {
      const stalling = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":');
      });
      const { url, close } = await layerBefore(stalling);
      try {
        const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(504);
        expect(response.json).toMatchObject({ type: '/rest/errors/#origin-timeout' });
      } finally {
        await close();
      }
    });

    test('an origin that breaks off its answer is a 502: an invalid response (RFC 9110, 15.6.3)', async () => {
      const breaking = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":', () => res.destroy());
      });
      const { url, close } = await layerBefore(breaking);
      try {
        const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(502);
        expect(response.json).toMatchObject({
          type: '/rest/errors/#origin-unreachable',
          detail: expect.stringMatching(
            /^The origin at http:\/\/127\.0\.0\.1:\d+ gave no valid answer/,
          ),
        });
      } finally {
        await close();
      }
    });
  });
});
