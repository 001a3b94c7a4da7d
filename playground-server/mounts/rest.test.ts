import { createServer } from 'node:http';
import { afterEach, expect, test, vi } from 'vitest';
import { startTestServer } from '../../tests/support/playground.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import type { Config } from '../config.ts';
import { guarded } from '../guarded.ts';
import type { RunningServer } from '../server.ts';

let server: RunningServer | undefined;
afterEach(() => server?.close());

async function start(overrides: Partial<Config> = {}) {
  server = await startTestServer(overrides);
  return server.url;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const note = (token: string) => ({
  headers: { ...bearer(token), 'content-type': 'application/json' },
  body: '{"title":"Milk","body":""}',
});

test('/api/cached/stats counts what the layer did for this token only', async () => {
  const url = await start();
  const [mine, theirs] = [crypto.randomUUID(), crypto.randomUUID()];
  await rawRequest(url, 'PUT', '/api/cached/notes/a', note(mine));
  for (let i = 0; i < 3; i++)
    await rawRequest(url, 'GET', '/api/cached/notes/a', { headers: bearer(mine) });
  await rawRequest(url, 'GET', '/api/cached/notes', { headers: bearer(mine) });
  await rawRequest(url, 'GET', '/api/cached/notes', { headers: bearer(mine) });
  await rawRequest(url, 'GET', '/api/cached/notes', { headers: bearer(theirs) });
  const stats = await rawRequest(url, 'GET', '/api/cached/stats', { headers: bearer(mine) });
  expect(stats.json).toEqual({ hit: 2, revalidated: 1, miss: 2, pass: 1, reachedOrigin: 4 });
  expect(stats.headers['cache-control']).toBe('no-store');
  const anonymous = await rawRequest(url, 'GET', '/api/cached/stats');
  expect([anonymous.status, anonymous.headers['content-type']]).toEqual([
    401,
    'application/problem+json',
  ]);
  const posted = await rawRequest(url, 'POST', '/api/cached/stats', { headers: bearer(mine) });
  expect([posted.status, posted.headers['allow']]).toEqual([405, 'GET, HEAD']);
});

test('a bug in a handler is logged and answered with 500, and the server goes on', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const broken = createServer(
    guarded(async () => {
      throw new Error('a bug');
    }),
  );
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
    for (let i = 0; i < 2; i++) {
      const response = await rawRequest(url, 'GET', '/api/notes');
      expect([response.status, response.json]).toEqual([
        500,
        { error: 'internal error; see the server log' },
      ]);
    }
    expect(logged).toHaveBeenCalledTimes(2);
    expect(String(logged.mock.calls[0]?.[0])).toBe('wirebook: GET /api/notes:');
  } finally {
    logged.mockRestore();
    await new Promise((resolve) => broken.close(resolve));
  }
});

test("REST_MAX_TOKENS: the least recently used token's notes are forgotten", async () => {
  const url = await start({ restMaxTokens: 2 });
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  for (const token of [a, b, c]) await rawRequest(url, 'PUT', '/api/notes/x', note(token));
  expect((await rawRequest(url, 'GET', '/api/notes/x', { headers: bearer(c) })).status).toBe(200);
  expect((await rawRequest(url, 'GET', '/api/notes/x', { headers: bearer(b) })).status).toBe(200);
  expect((await rawRequest(url, 'GET', '/api/notes/x', { headers: bearer(a) })).status).toBe(404);
});

test('REST_MAX_NOTES_PER_TOKEN, REST_MAX_BODY_BYTES and REST_MAX_URL_BYTES set the limits', async () => {
  const url = await start({ restMaxNotesPerToken: 1, restMaxBodyBytes: 30, restMaxUrlBytes: 64 });
  const token = crypto.randomUUID();
  expect((await rawRequest(url, 'POST', '/api/notes', note(token))).status).toBe(201);
  const full = await rawRequest(url, 'POST', '/api/notes', note(token));
  expect([full.status, (full.json as { limit: number }).limit]).toEqual([409, 1]);
  const big = await rawRequest(url, 'PUT', '/api/notes/1', {
    ...note(token),
    body: '{"title":"Milk","body":"123456"}',
  });
  expect([big.status, (big.json as { limit: number }).limit]).toEqual([413, 30]);
  const long = await rawRequest(url, 'GET', `/api/notes/${'x'.repeat(60)}`, {
    headers: bearer(token),
  });
  expect([long.status, (long.json as { limit: number }).limit]).toEqual([414, 64]);
});

test('REST_CACHE_MAX_BYTES=0: the layer stores nothing, and still answers', async () => {
  const url = await start({ restCacheMaxBytes: 0 });
  const token = crypto.randomUUID();
  await rawRequest(url, 'PUT', '/api/notes/a', note(token));
  const outcomes = [];
  for (let i = 0; i < 2; i++) {
    const response = await rawRequest(url, 'GET', '/api/cached/notes/a', {
      headers: bearer(token),
    });
    outcomes.push([response.status, response.headers['x-cache']]);
  }
  expect(outcomes).toEqual([
    [200, 'miss'],
    [200, 'miss'],
  ]);
});
