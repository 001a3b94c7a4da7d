import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import { COUNT_MS, parseFlaky } from './flaky-server.ts';

describe('/ws/flaky in the playground', () => {
  let server: RunningServer;
  let base: string;
  const open: WebSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    base = `${server.url.replace('http', 'ws')}/ws/flaky`;
  });
  afterEach(async () => {
    for (const ws of open.splice(0)) ws.terminate();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });
  afterAll(() => server.close());

  /** A ws client keeping every message, and how it ended. */
  const connect = (query: string) => {
    const ws = new WebSocket(`${base}${query}`);
    open.push(ws);
    const inbox: string[] = [];
    ws.on('message', (data) => inbox.push(String(data)));
    const closed = new Promise<[number, string]>((resolve) => {
      ws.once('close', (code, reason) => resolve([code, String(reason)]));
    });
    return { ws, inbox, closed };
  };
  const count = (seq: number) => JSON.stringify({ type: 'count', seq });

  test('after=3 sends 1, 2 and 3, then drops the TCP connection without a close frame', async () => {
    const raw = await openRaw(`${base}?after=3`);
    expect(raw.response).toMatch(/^HTTP\/1.1 101/);
    expect(await raw.close).toBeUndefined();
    const frames = serverFrames(raw.received());
    expect(frames.map((f) => [f.opcode, f.payload.toString()])).toEqual([
      [0x1, count(1)],
      [0x1, count(2)],
      [0x1, count(3)],
    ]);
  });

  test('a client sees the drop as 1006, abnormal closure', async () => {
    const c = connect('?after=2');
    expect(await c.closed).toEqual([1006, '']);
    expect(c.inbox).toEqual([count(1), count(2)]);
  });

  test('since=S counts on from S + 1', async () => {
    const c = connect('?after=2&since=40');
    await c.closed;
    expect(c.inbox).toEqual([count(41), count(42)]);
  });

  test('a ping is answered with a pong while it counts', async () => {
    const c = connect('?after=5');
    await new Promise((resolve) => c.ws.once('open', resolve));
    c.ws.send('{"type":"ping"}');
    await expect.poll(() => c.inbox).toContain('{"type":"pong"}');
  });

  test('mode=hang falls silent after N and leaves the socket open: pings go unanswered', async () => {
    const c = connect('?after=2&mode=hang');
    await expect.poll(() => c.inbox.length).toBe(2);
    c.ws.send('{"type":"ping"}');
    await new Promise((resolve) => setTimeout(resolve, 4 * COUNT_MS));
    expect(c.inbox).toEqual([count(1), count(2)]);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  test('anything but a ping is closed with 1008', async () => {
    const c = connect('?after=5');
    await new Promise((resolve) => c.ws.once('open', resolve));
    c.ws.send('hello');
    expect(await c.closed).toEqual([1008, 'send only {"type":"ping"}']);
  });

  test.each([
    ['', 'after must be a whole number from 1 to 100'],
    ['?after=0', 'after must be a whole number from 1 to 100'],
    ['?after=101', 'after must be a whole number from 1 to 100'],
    ['?after=2.5', 'after must be a whole number from 1 to 100'],
    ['?after=3&since=-1', 'since must be a whole number from 0 to 9007199254740891'],
    ['?after=3&since=9007199254740892', 'since must be a whole number from 0 to 9007199254740891'],
    ['?after=3&mode=explode', 'mode must be drop or hang'],
  ])('%o is closed with 1008 and why', async (query, why) => {
    const c = connect(query);
    expect(await c.closed).toEqual([1008, why]);
    expect(c.inbox).toEqual([]);
  });
});

test('parseFlaky reads the query with its defaults', () => {
  expect(parseFlaky('/ws/flaky?after=7')).toEqual({ after: 7, since: 0, mode: 'drop' });
  expect(parseFlaky('/ws/flaky?after=100&since=9&mode=hang')).toEqual({
    after: 100,
    since: 9,
    mode: 'hang',
  });
});

/** Strings, and whole numbers of every size written as strings. */
const numberish = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.bigInt({ min: 0n, max: 2n ** 60n }).map(String),
);

test('property: any query is read as specified or refused with a reason, never thrown', () => {
  fc.assert(
    fc.property(
      numberish,
      numberish,
      fc.oneof(fc.string(), fc.constantFrom('drop', 'hang')),
      (after, since, mode) => {
        const query = new URLSearchParams({ after, since, mode });
        const read = parseFlaky(`/ws/flaky?${query}`);
        if (typeof read === 'string') return;
        expect(read.after).toBeGreaterThanOrEqual(1);
        expect(read.after).toBeLessThanOrEqual(100);
        expect(Number.isSafeInteger(read.since + read.after)).toBe(true);
        expect(['drop', 'hang']).toContain(read.mode);
      },
    ),
  );
});
