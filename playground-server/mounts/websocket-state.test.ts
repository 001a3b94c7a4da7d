// The WebSocket part's request state across instances: two playgrounds
// on one Redis, a request to one and the next to the other, as a load
// balancer with no affinity would send them. And the same endpoints
// while Redis is out of reach: a clear 503, never a hang.

import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { needs } from '../../tests/support/needs.ts';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { freePort, startRedis, whyRedisIsMissing } from '../../tests/support/redis.ts';
import { untilRedisUp } from '../../tests/support/ws-state-stores.ts';

const TOKEN = 'reader-token-0123456789abcd';
const UNREACHABLE = 'the shared state store (Redis) is unreachable; try again in a few seconds';

const wsUrl = (server: RunningServer, path: string) => `${server.url.replace('http', 'ws')}${path}`;

function post(server: RunningServer, path: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
}

/** Opens /ws/close-report on `server`; resolves with its id. */
async function closeReportConnection(server: RunningServer) {
  const ws = new WebSocket(wsUrl(server, '/ws/close-report'));
  const hello = await new Promise<string>((resolve, reject) => {
    ws.once('message', (data) => resolve(String(data))).once('error', reject);
  });
  return { ws, id: (JSON.parse(hello) as { connection: string }).connection };
}

needs(whyRedisIsMissing()).describe('two instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([
      startTestServer({ redisUrl: redis.url }),
      startTestServer({ redisUrl: redis.url }),
    ]);
    await Promise.all([a, b].map(untilRedisUp));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  test('a ticket from A opens a WebSocket on B, and then is used on A too', async () => {
    const { ticket } = await (await post(a, '/ws-auth/ticket')).json();
    const opened = await openRaw(wsUrl(b, `/ws/auth/ticket?ticket=${ticket}`));
    expect(opened.response).toMatch(/^HTTP\/1.1 101 /);
    opened.socket.destroy();
    const again = await openRaw(wsUrl(a, `/ws/auth/ticket?ticket=${ticket}`));
    await again.close;
    expect(again.response.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(again.received().toString()).toMatch(/^used-ticket: /);
  });

  test('one ticket, two handshakes at once on A and on B: one 101, one 401 used-ticket', async () => {
    for (let round = 0; round < 10; round++) {
      const { ticket } = await (await post(b, '/ws-auth/ticket')).json();
      const both = await Promise.all(
        [a, b].map((server) => openRaw(wsUrl(server, `/ws/auth/ticket?ticket=${ticket}`))),
      );
      const statuses = both.map((raw) => raw.response.split('\r\n')[0]).sort();
      expect(statuses).toEqual(['HTTP/1.1 101 Switching Protocols', 'HTTP/1.1 401 Unauthorized']);
      const refused = both.find((raw) => raw.response.includes(' 401 '))!;
      await refused.close;
      expect(refused.received().toString()).toMatch(/^used-ticket: /);
      for (const raw of both) raw.socket.destroy();
    }
  });

  test('a session cookie set by A opens WebSockets on B', async () => {
    const response = await post(a, '/ws-auth/session');
    expect(response.status).toBe(201);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    for (const server of [b, a, b]) {
      const raw = await openRaw(wsUrl(server, '/ws/auth/cookie'), { Cookie: cookie });
      expect(raw.response).toMatch(/^HTTP\/1.1 101 /);
      raw.socket.destroy();
    }
  });

  test('a close seen by A is reported by B, and B waits for a close still to come on A', async () => {
    const closed = await closeReportConnection(a);
    closed.ws.close(4000, 'reader left');
    await new Promise((resolve) => closed.ws.once('close', resolve));
    const response = await fetch(`${b.url}/close-reports/${closed.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 4000, reason: 'reader left' });

    const open = await closeReportConnection(b);
    const report = fetch(`${a.url}/close-reports/${open.id}`);
    setTimeout(() => open.ws.close(4321, 'later'), 200);
    expect(await (await report).json()).toEqual({ code: 4321, reason: 'later' });
  });

  test('a connection open on A is 409 "still open" on B after the wait; unknown ones 404', async () => {
    const open = await closeReportConnection(a);
    const response = await fetch(`${b.url}/close-reports/${open.id}`);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: `connection "${open.id}" is still open` });
    open.ws.close();
    const missing = await fetch(`${b.url}/close-reports/nope`);
    expect(missing.status).toBe(404);
  }, 20_000);

  test('a /why/ run started on A is followed through B, and B reports what both served', async () => {
    const started = await fetch(`${a.url}/why/runs?seconds=2`, { method: 'POST' });
    const { id } = await started.json();
    const ws = new WebSocket(wsUrl(b, `/ws/why?run=${id}`));
    const pushed: number[] = [];
    ws.on('message', (data) => pushed.push(JSON.parse(String(data)).seq));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    const [sse, long] = await Promise.all([
      fetch(`${b.url}/why/sse?run=${id}`).then((response) => response.text()),
      fetch(`${a.url}/why/long-poll?run=${id}&after=0`).then((response) => response.json()),
    ]);
    expect(await closed).toBe(1000);
    expect(long.events.length + Number(long.done)).toBeGreaterThan(0);
    const polled = await (await fetch(`${b.url}/why/poll?run=${id}&after=0`)).json();
    expect(polled.done).toBe(true);
    const seqs = polled.events.map((event: { seq: number }) => event.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(pushed).toEqual(seqs);
    expect(sse.split('\n\n').filter(Boolean)).toHaveLength(seqs.length + 1);
    for (const server of [a, b]) {
      const report = await (await fetch(`${server.url}/why/report?run=${id}`)).json();
      expect(report).toMatchObject({ events: seqs.length, done: true });
      const { transports } = report;
      expect(transports['websocket'].requests).toBe(1);
      expect(transports['sse'].requests).toBe(1);
      expect(transports['long-poll'].requests).toBe(1);
      expect(transports['short-poll'].requests).toBe(1);
      for (const count of Object.values(transports) as { bytesIn: number; bytesOut: number }[]) {
        expect(count.bytesIn).toBeGreaterThan(0);
        expect(count.bytesOut).toBeGreaterThan(0);
      }
    }
  }, 20_000);

  test('WHY_MAX_RUNS counts the runs going in the whole deployment', async () => {
    await Promise.all([a.close(), b.close()]);
    const small = { redisUrl: redis.url, whyMaxRuns: 2 };
    [a, b] = await Promise.all([startTestServer(small), startTestServer(small)]);
    await Promise.all([a, b].map(untilRedisUp));
    const start = (server: RunningServer) =>
      fetch(`${server.url}/why/runs?seconds=1`, { method: 'POST' });
    expect((await start(a)).status).toBe(201);
    expect((await start(b)).status).toBe(201);
    const third = await start(a);
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({
      error: '2 comparisons are running, the most at once; try again in a few seconds',
    });
    await expect.poll(async () => (await start(b)).status, { interval: 250 }).toBe(201);
  });

  test('a run whose starter went away ends on B 5 s after its planned end, not never', async () => {
    const started = await fetch(`${a.url}/why/runs?seconds=1`, { method: 'POST' });
    const { id } = await started.json();
    expect((await fetch(`${b.url}/why/poll?run=${id}&after=0`)).status).toBe(200);
    await a.close();
    const begun = Date.now();
    const answer = await (await fetch(`${b.url}/why/long-poll?run=${id}&after=999`)).json();
    expect(answer.done).toBe(true);
    expect(Date.now() - begun).toBeLessThan(9_000);
    a = await startTestServer({ redisUrl: redis.url });
    await untilRedisUp(a);
  }, 20_000);

  test('WS_AUTH_TICKETS bounds the deployment, not each instance', async () => {
    await Promise.all([a.close(), b.close()]);
    const small = { redisUrl: redis.url, wsAuthTickets: 2 };
    [a, b] = await Promise.all([startTestServer(small), startTestServer(small)]);
    await Promise.all([a, b].map(untilRedisUp));
    const { ticket } = await (await post(a, '/ws-auth/ticket')).json();
    expect(ticket).toBeDefined();
    expect((await post(b, '/ws-auth/ticket')).status).toBe(201);
    const refused = await post(a, '/ws-auth/ticket');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^(29|30)$/);
    expect(await refused.json()).toEqual({
      error: 'too-many-tickets: all 2 places are taken by valid tickets',
    });
    // A used ticket gives up its place to the next.
    const opened = await openRaw(wsUrl(b, `/ws/auth/ticket?ticket=${ticket}`));
    opened.socket.destroy();
    expect((await post(b, '/ws-auth/ticket')).status).toBe(201);
  });
});

needs(whyRedisIsMissing()).describe('Redis out of reach', () => {
  let server: RunningServer;

  beforeAll(async () => {
    // A port nothing listens on: every command fails at once.
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => server?.close());

  test.each([
    ['GET', '/close-reports/abc'],
    ['POST', '/why/runs?seconds=1'],
    ['GET', '/why/poll?run=0f0e0d0c-0b0a-4908-8706-050403020100'],
  ])('%s %s: 503, Retry-After, and a body that says why', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: UNREACHABLE });
  });

  test.each(['/ws-auth/ticket', '/ws-auth/session'])(
    'POST %s: 503, Retry-After, and a body that says why',
    async (path) => {
      const response = await post(server, path);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({ error: UNREACHABLE });
    },
  );

  test.each([
    ['/ws/auth/ticket?ticket=abc', {}],
    ['/ws/auth/cookie', { Cookie: 'wb_ws_session=abc' }],
    ['/ws/close-report', {}],
    ['/ws/why?run=0f0e0d0c-0b0a-4908-8706-050403020100', {}],
  ])('a handshake on %s: 503 before the upgrade, saying why', async (path, headers) => {
    const raw = await openRaw(wsUrl(server, path), headers);
    await raw.close;
    expect(raw.response.split('\r\n')).toContain('Retry-After: 5');
    expect(raw.response).toMatch(/^HTTP\/1.1 503 Service Unavailable\r\n/);
    expect(raw.received().toString()).toBe(`${UNREACHABLE}\n`);
  });
});
