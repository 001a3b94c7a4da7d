import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { eachPlayground } from '../../tests/support/ws-state-stores.ts';

// Runs last one or two seconds of real time each.
vi.setConfig({ testTimeout: 30_000 });

let server: RunningServer;

const post = (path: string) => fetch(`${server.url}${path}`, { method: 'POST' });
const get = (path: string) => fetch(`${server.url}${path}`);

/** A started run's id. */
async function start(seconds = 1) {
  const response = await post(`/why/runs?seconds=${seconds}`);
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; seconds: number };
  expect(body.seconds).toBe(seconds);
  return body.id;
}

/** Waits until the run with `id` is over; returns its report. */
async function finished(id: string) {
  let report: { done: boolean; events: number; transports: Record<string, { requests: number }> };
  await expect
    .poll(
      async () => {
        report = await (await get(`/why/report?run=${id}`)).json();
        return report.done;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
  return report!;
}

eachPlayground((startPlayground) => {
  beforeAll(async () => {
    server = await startPlayground({ whyMaxRuns: 2 });
  });
  afterAll(() => server.close());

  test('one run, followed by polling and by WebSocket, gives both every event', async () => {
    const id = await start(1);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/why?run=${id}`);
    const pushed: number[] = [];
    ws.on('message', (data) => pushed.push((JSON.parse(String(data)) as { seq: number }).seq));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    const long = await (await get(`/why/long-poll?run=${id}&after=0`)).json();
    expect(long.events.length + Number(long.done)).toBeGreaterThan(0);
    expect(await closed).toBe(1000);
    await finished(id);
    const polled = await (await get(`/why/poll?run=${id}&after=0`)).json();
    const report = await finished(id);
    expect(polled.done).toBe(true);
    expect(polled.events.map((e: { seq: number }) => e.seq)).toEqual(pushed);
    expect(pushed).toHaveLength(report.events);
    expect(report.transports['websocket']!.requests).toBe(1);
    expect(report.transports['long-poll']!.requests).toBe(1);
    expect(report.transports['short-poll']!.requests).toBe(1);
    expect(report.transports['sse']!.requests).toBe(0);
  });

  test('SSE sends one data block per event, then "done", then ends', async () => {
    const id = await start(1);
    const text = await (await get(`/why/sse?run=${id}`)).text();
    const report = await finished(id);
    const blocks = text.split('\n\n').filter(Boolean);
    expect(blocks.at(-1)).toBe('event: done\ndata: {}');
    expect(blocks.slice(0, -1).map((b) => b.split('\n')[0])).toEqual(
      Array.from({ length: report.events }, (_, i) => `id: ${i + 1}`),
    );
  });

  describe('bad requests get a status and a body that says why', () => {
    test.each([
      ['0', 'seconds must be a whole number from 1 to 15, not "0"'],
      ['16', 'seconds must be a whole number from 1 to 15, not "16"'],
      ['2.5', 'seconds must be a whole number from 1 to 15, not "2.5"'],
      ['ten', 'seconds must be a whole number from 1 to 15, not "ten"'],
    ])('seconds=%s → 400', async (seconds, error) => {
      const response = await post(`/why/runs?seconds=${seconds}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error });
    });

    test('an unknown run → 404, on HTTP and on the WebSocket upgrade', async () => {
      const response = await get('/why/poll?run=nope');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: 'no such run; POST /why/runs first (runs last 60 s)',
      });
      const raw = await openRaw(`${server.url.replace('http', 'ws')}/ws/why?run=nope`);
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
      await raw.close;
      expect(raw.received().toString()).toBe(
        'no such run; POST /why/runs first (runs last 60 s)\n',
      );
    });

    test('a bad `after`, a wrong method, an unknown path', async () => {
      const id = await start(1);
      const after = await get(`/why/poll?run=${id}&after=-1`);
      expect(after.status).toBe(400);
      expect(await after.json()).toEqual({ error: 'after must be a count of events, not "-1"' });
      const method = await get('/why/runs');
      expect(method.status).toBe(405);
      expect(method.headers.get('allow')).toBe('POST');
      const unknown = await get('/why/nothing');
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error).toMatch(/^no \/why\/nothing; try POST \/why\/runs, /);
      await finished(id);
    });

    test('a second stream of the same kind on one run → 409', async () => {
      const id = await start(2);
      const first = await get(`/why/sse?run=${id}`);
      const second = await get(`/why/sse?run=${id}`);
      expect(second.status).toBe(409);
      expect(await second.json()).toEqual({ error: 'this run already has a sse request open' });
      await first.text();
      await finished(id);
    });

    test('more runs at once than WHY_MAX_RUNS → 429', async () => {
      await start(2);
      await start(2);
      const third = await post('/why/runs?seconds=2');
      expect(third.status).toBe(429);
      expect(await third.json()).toEqual({
        error: '2 comparisons are running, the most at once; try again in a few seconds',
      });
      // Runs end by themselves, and then there is room again.
      await expect
        .poll(async () => (await post('/why/runs?seconds=1')).status, {
          timeout: 15_000,
          interval: 250,
        })
        .toBe(201);
    });
  });
});
