import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import type { DemoIO } from '../demo-io.ts';
import { notesClient } from './client.ts';
import { honouringRetryAfter, retryAfterMs, run } from './rate-limit-client.ts';

let server: RunningServer;
let slow: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
  // 60 a minute after a burst of 2: the third request waits a second.
  slow = await startTestServer({ restRatePerMinute: 60, restRateBurst: 2 });
});
afterAll(async () => {
  await server.close();
  await slow.close();
});

test('each answer says what is left of the default policy', async () => {
  const result = await runInNode(run, server.url);
  // What is left depends on how fast the requests went: the bucket
  // refills ten a second. Each request takes one.
  const fields = /^RateLimit: "default";r=(\d+);t=1\nRateLimit-Policy: "default";q=600;w=60$/m;
  const left = result.text.flatMap((line) => fields.exec(line)?.[1] ?? []).map(Number);
  expect(left).toHaveLength(3);
  expect(left[0]).toBe(599);
  for (const r of left) expect(r).toBeGreaterThan(590);
  const shown = result.text.map((line) => line.replace(/r=\d+/, 'r=*'));
  const head = 'RateLimit: "default";r=*;t=1\nRateLimit-Policy: "default";q=600;w=60';
  expect(shown).toEqual([
    'sent GET /api/notes',
    `received 200 OK\n${head}\n\n{"notes":[]}`,
    'sent POST /api/notes\nContent-Type: application/json\n\n' +
      '{"title":"Counted","body":"A write costs one request too."}',
    `received 201 Created\n${head}\n\n` +
      '{"id":"1","title":"Counted","body":"A write costs one request too."}',
    'sent GET /api/notes',
    `received 200 OK\n${head}\n\n{"notes":[{"id":"1","title":"Counted","href":"notes/1"}]}`,
  ]);
  expect(result.ok).toBe(true);
});

test('over the limit: 429 with Retry-After, which the client honours, and then it goes on', async () => {
  const result = await runInNode(async (io: DemoIO) => {
    const request = notesClient(io, 'retry-after-token-0123');
    const show = ['ratelimit', 'retry-after'];
    await request('GET', '/api/notes', { show });
    await request('GET', '/api/notes', { show });
    const started = Date.now();
    const reply = await honouringRetryAfter(io, () => request('GET', '/api/notes', { show }));
    io.log(`status ${reply.status} after ${Math.round((Date.now() - started) / 1000)} s`);
  }, slow.url);
  expect(result.text).toEqual([
    'sent GET /api/notes',
    'received 200 OK\nRateLimit: "default";r=1;t=1\n\n{"notes":[]}',
    'sent GET /api/notes',
    'received 200 OK\nRateLimit: "default";r=0;t=1\n\n{"notes":[]}',
    'sent GET /api/notes',
    'received 429 Too Many Requests\nRateLimit: "default";r=0;t=1\nRetry-After: 1\n\n' +
      '{"type":"/rest/errors/#too-many-requests","title":"Too many requests","status":429,' +
      '"detail":"This token may make 60 requests a minute, after a burst of 2, and it is over. ' +
      'Wait 1 s (Retry-After) before the next request.","violated-policies":["default"]}',
    'info waiting 1 s, as Retry-After asks',
    'sent GET /api/notes',
    'received 200 OK\nRateLimit: "default";r=0;t=1\n\n{"notes":[]}',
    'info status 200 after 1 s',
  ]);
});

test('Retry-After is seconds or a date; anything else waits a second, and never over a minute', () => {
  const now = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT');
  expect(retryAfterMs('3', now)).toBe(3_000);
  expect(retryAfterMs(' 0 ', now)).toBe(0);
  expect(retryAfterMs('Sun, 06 Nov 1994 08:49:47 GMT', now)).toBe(10_000);
  expect(retryAfterMs('Sun, 06 Nov 1994 08:49:27 GMT', now)).toBe(0);
  expect(retryAfterMs('86400', now)).toBe(60_000);
  expect(retryAfterMs('soon', now)).toBe(1_000);
  expect(retryAfterMs('-5', now)).toBe(1_000);
  expect(retryAfterMs(null, now)).toBe(1_000);
});
