// The REST state across instances: two playgrounds on one Redis, as
// behind a load balancer with no affinity. Each step of a visitor's
// work goes to one instance and the next to the other, and gets the
// answer one instance alone would give. And with Redis out of reach,
// what needs it is answered with 503, the rest goes on.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { needs } from '../../tests/support/needs.ts';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { freePort, startRedis, whyRedisIsMissing } from '../../tests/support/redis.ts';
import { emptyRedis, redisReady } from '../../tests/support/rest-stores.ts';
import type { Config } from '../config.ts';
import { KEY_PREFIX } from '../shared-redis.ts';

const redisTest = needs(whyRedisIsMissing());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };
const newToken = () => crypto.randomUUID();

redisTest.describe('two playgrounds on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let one: RunningServer;
  let other: RunningServer;
  const overrides: Partial<Config> = {
    restPageDefault: 2,
    restRateBurst: 40,
    restRatePerMinute: 1,
    restMaxTokens: 3,
    restCacheMaxBytes: 4_000,
  };

  beforeAll(async () => {
    redis = await startRedis();
    const start = () => startTestServer({ ...overrides, redisUrl: redis.url }).then(redisReady);
    [one, other] = await Promise.all([start(), start()]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), other?.close()]);
    await redis?.stop();
  });
  beforeEach(() => emptyRedis(redis.url));

  /** Each request to the instance after the last one's. */
  function alternating() {
    let turn = 0;
    return (method: string, path: string, options: Parameters<typeof rawRequest>[3] = {}) =>
      rawRequest([one, other][turn++ % 2]!.url, method, path, options);
  }

  redisTest.test('a note created through one is read through the other', async () => {
    const token = newToken();
    const created = await rawRequest(one.url, 'POST', '/api/notes', {
      headers: { ...bearer(token), ...json },
      body: '{"title":"Milk","body":"Two litres."}',
    });
    expect([created.status, created.headers['location']]).toEqual([201, 'notes/1']);
    const read = await rawRequest(other.url, 'GET', '/api/notes/1', { headers: bearer(token) });
    expect([read.status, read.json]).toEqual([
      200,
      { id: '1', title: 'Milk', body: 'Two litres.' },
    ]);
    expect(read.headers['etag']).toBe(created.headers['etag']);
  });

  redisTest.test('a cursor issued by one instance pages on through the other', async () => {
    const token = newToken();
    const send = alternating();
    for (let i = 1; i <= 5; i++) {
      const made = await send('POST', '/api/notes', {
        headers: { ...bearer(token), ...json },
        body: `{"title":"N${i}","body":""}`,
      });
      expect(made.status).toBe(201);
    }
    const seen: string[] = [];
    let path: string | undefined = '/api/notes';
    while (path) {
      const page = await send('GET', path, { headers: bearer(token) });
      expect(page.status).toBe(200);
      seen.push(...(page.json as { notes: { id: string }[] }).notes.map((note) => note.id));
      const next = /^<notes(\?[^>]+)>; rel="next"$/.exec(String(page.headers['link'] ?? ''));
      path = next ? `/api/notes${next[1]}` : undefined;
    }
    expect(seen).toEqual(['1', '2', '3', '4', '5']);
  });

  redisTest.test(
    'when Redis loses the cursor key, both instances take up the next one',
    async () => {
      const token = newToken();
      const headers = { ...bearer(token), ...json };
      for (let i = 1; i <= 3; i++) {
        await rawRequest(one.url, 'POST', '/api/notes', {
          headers,
          body: `{"title":"N${i}","body":""}`,
        });
      }
      const linkOf = async (url: string) =>
        String(
          (await rawRequest(url, 'GET', '/api/notes', { headers: bearer(token) })).headers['link'],
        );
      const before = await linkOf(one.url);
      const client = new Redis(redis.url);
      await client.del(`${KEY_PREFIX}rest:cursor-key`);
      await client.quit();
      const after = await linkOf(other.url);
      expect(after).not.toBe(before);
      const page = (url: string, link: string) =>
        rawRequest(url, 'GET', `/api/${/<(notes\?[^>]+)>/.exec(link)![1]}`, {
          headers: bearer(token),
        });
      expect((await page(one.url, before)).status).toBe(400);
      expect((await page(one.url, after)).status).toBe(200);
      expect(await linkOf(one.url)).toBe(after);
    },
  );

  redisTest.test(
    'a conditional update through the other holds, and a stale one is refused',
    async () => {
      const token = newToken();
      const headers = { ...bearer(token), ...json };
      await rawRequest(one.url, 'PUT', '/api/notes/n', {
        headers,
        body: '{"title":"A","body":""}',
      });
      const { headers: read } = await rawRequest(one.url, 'GET', '/api/notes/n', {
        headers: bearer(token),
      });
      const patch = { ...bearer(token), 'content-type': 'application/merge-patch+json' };
      const changed = await rawRequest(other.url, 'PATCH', '/api/notes/n', {
        headers: { ...patch, 'if-match': String(read['etag']) },
        body: '{"title":"B"}',
      });
      expect([changed.status, changed.json]).toEqual([200, { id: 'n', title: 'B', body: '' }]);
      const stale = await rawRequest(one.url, 'PATCH', '/api/notes/n', {
        headers: { ...patch, 'if-match': String(read['etag']) },
        body: '{"title":"C"}',
      });
      expect([stale.status, (stale.json as { type: string }).type]).toEqual([
        412,
        '/rest/errors/#precondition-failed',
      ]);
      const strict = await rawRequest(other.url, 'DELETE', '/api/strict/notes/n', {
        headers: bearer(token),
      });
      expect(strict.status).toBe(428);
    },
  );

  redisTest.test(
    'a POST retried through the other gets the first answer, and no second note',
    async () => {
      const token = newToken();
      const post = (url: string, body: string) =>
        rawRequest(url, 'POST', '/api/notes', {
          headers: { ...bearer(token), ...json, 'idempotency-key': '"retry-1"' },
          body,
        });
      const first = await post(one.url, '{"title":"Once","body":""}');
      const retry = await post(other.url, '{"title":"Once","body":""}');
      expect(first.status).toBe(201);
      expect([retry.status, retry.body, retry.headers['location']]).toEqual([
        201,
        first.body,
        first.headers['location'],
      ]);
      const other_ = await post(other.url, '{"title":"Another","body":""}');
      expect([other_.status, (other_.json as { type: string }).type]).toEqual([
        422,
        '/rest/errors/#idempotency-key-reused',
      ]);
      const list = await rawRequest(one.url, 'GET', '/api/notes', { headers: bearer(token) });
      expect((list.json as { notes: unknown[] }).notes).toHaveLength(1);
    },
  );

  redisTest.test(
    'one bucket per token for both instances: the burst is shared, then 429',
    async () => {
      const token = newToken();
      const send = alternating();
      const statuses: number[] = [];
      const left: string[] = [];
      for (let i = 0; i < 41; i++) {
        const reply = await send('GET', '/api/notes', { headers: bearer(token) });
        statuses.push(reply.status);
        left.push(String(reply.headers['ratelimit']).split(';')[1]!);
      }
      expect(statuses).toEqual([...Array(40).fill(200), 429]);
      expect(left.slice(0, 3)).toEqual(['r=39', 'r=38', 'r=37']);
      expect(left.slice(-2)).toEqual(['r=0', 'r=0']);
    },
  );

  redisTest.test(
    'the caching layer stores through one and answers a HIT through the other',
    async () => {
      const token = newToken();
      const send = alternating();
      await send('PUT', '/api/cached/notes/a', {
        headers: { ...bearer(token), ...json },
        body: '{"title":"Milk","body":""}',
      });
      const outcomes: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const read = await send('GET', '/api/cached/notes/a', { headers: bearer(token) });
        outcomes.push(read.headers['x-cache']);
      }
      expect(outcomes).toEqual(['miss', 'hit', 'hit']);
      // A write through either instance invalidates for both.
      await send('PUT', '/api/cached/notes/a', {
        headers: { ...bearer(token), ...json },
        body: '{"title":"Oat milk","body":""}',
      });
      const fresh = await send('GET', '/api/cached/notes/a', { headers: bearer(token) });
      expect([fresh.headers['x-cache'], (fresh.json as { title: string }).title]).toEqual([
        'miss',
        'Oat milk',
      ]);
      for (const server of [one, other]) {
        const stats = await rawRequest(server.url, 'GET', '/api/cached/stats', {
          headers: bearer(token),
        });
        expect(stats.json).toEqual({ hit: 2, revalidated: 0, miss: 2, pass: 2, reachedOrigin: 4 });
      }
    },
  );

  redisTest.test(
    'the same bounds: tokens beyond the most are forgotten, the cache stays in its bytes',
    async () => {
      const tokens = [newToken(), newToken(), newToken(), newToken()];
      const send = alternating();
      for (const token of tokens) {
        const made = await send('PUT', '/api/notes/n', {
          headers: { ...bearer(token), ...json },
          body: '{"title":"Mine","body":""}',
        });
        expect(made.status).toBe(201);
      }
      // restMaxTokens is 3: the least recently used token's notes are gone.
      const first = await send('GET', '/api/notes/n', { headers: bearer(tokens[0]!) });
      expect(first.status).toBe(404);
      const last = await send('GET', '/api/notes/n', { headers: bearer(tokens[3]!) });
      expect(last.status).toBe(200);
      for (let i = 0; i < 12; i++) {
        await send('GET', `/api/cached/notes/n`, {
          headers: {
            ...bearer(tokens[3]!),
            accept: ['application/json', 'text/html', 'text/plain', 'application/xml'][i % 4]!,
          },
        });
        await send('GET', `/api/cached/notes?limit=${(i % 2) + 1}`, {
          headers: bearer(tokens[3]!),
        });
      }
      const client = new Redis(redis.url);
      try {
        expect(Number(await client.get(`${KEY_PREFIX}rest:cache:bytes`))).toBeLessThanOrEqual(
          4_000,
        );
        const keys = await client.keys('*');
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.filter((key) => !key.startsWith(KEY_PREFIX))).toEqual([]);
      } finally {
        await client.quit();
      }
    },
  );
  redisTest.test('a Redis that forgot the scripts (a restart) is sent them again', async () => {
    const token = newToken();
    const headers = { ...bearer(token), ...json };
    const first = await rawRequest(one.url, 'PUT', '/api/notes/n', {
      headers,
      body: '{"title":"A","body":""}',
    });
    expect(first.status).toBe(201);
    const client = new Redis(redis.url);
    await client.script('FLUSH');
    await client.quit();
    const again = await rawRequest(other.url, 'PUT', '/api/notes/n', {
      headers,
      body: '{"title":"B","body":""}',
    });
    expect(again.status).toBe(200);
    const cached = await rawRequest(one.url, 'GET', '/api/cached/notes/n', {
      headers: bearer(token),
    });
    expect([cached.status, cached.headers['x-cache']]).toEqual([200, 'miss']);
  });
});

redisTest.describe('Redis out of reach', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // Nothing listens there: every command fails at once.
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => server?.close());

  redisTest.test(
    'what needs the state gets 503 saying why, with Retry-After; the rest goes on',
    async () => {
      const token = newToken();
      const asks: [string, string][] = [
        ['GET', '/api/notes'],
        ['POST', '/api/notes'],
        ['GET', '/api/strict/notes/n'],
        ['GET', '/api/cached/notes'],
        ['GET', '/api/cached/stats'],
      ];
      for (const [method, path] of asks) {
        const reply = await rawRequest(server.url, method, path, {
          headers: { ...bearer(token), ...json },
          ...(method === 'POST' ? { body: '{"title":"Lost","body":""}' } : {}),
        });
        expect([method, path, reply.status, reply.headers['retry-after']]).toEqual([
          method,
          path,
          503,
          '5',
        ]);
        expect(reply.json).toEqual({
          error: 'the shared state store (Redis) is unreachable; try again in a few seconds',
        });
      }
      const description = await rawRequest(server.url, 'GET', '/api/openapi.json');
      expect(description.status).toBe(200);
    },
  );
});
