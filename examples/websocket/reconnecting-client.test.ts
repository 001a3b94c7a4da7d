import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { ReconnectPolicy } from './reconnect-policy.ts';
import { type ResumeOptions, readResuming, run } from './reconnecting-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
afterAll(() => server.close());

const count = (seq: number) => `received {"type":"count","seq":${seq}}`;

test('the demo reads 1 to 9 over three connections that drop, each once', async () => {
  const result = await runInNode(run, server.url, { timeoutMs: 15_000 });
  const retry = /^info closed with 1006 after 3 messages; retrying in \d+ ms$/;
  expect(result.text).toEqual([
    'info connecting to /ws/flaky?after=3',
    count(1),
    count(2),
    count(3),
    expect.stringMatching(retry),
    'info connecting to /ws/flaky?after=3&since=3',
    count(4),
    count(5),
    count(6),
    expect.stringMatching(retry),
    'info connecting to /ws/flaky?after=3&since=6',
    count(7),
    count(8),
    count(9),
    'info got 1 to 9, each once',
  ]);
  expect(result.ok).toBe(true);
});

/**
 * Reads `want` messages from `path` with the random draw fixed at 0.5
 * and a sleep that only records: every wait, every seq, every report.
 */
async function readRecorded(path: string, want: number, overrides: Partial<ResumeOptions> = {}) {
  const seqs: number[] = [];
  const waits: number[] = [];
  const reports: string[] = [];
  const urls: string[] = [];
  const enough = new AbortController();
  const done = readResuming({
    WebSocket,
    url(since) {
      const url = `${server.url.replace('http', 'ws')}${path}${since === null ? '' : `&since=${since}`}`;
      urls.push(url.slice(url.indexOf('/ws/')));
      return url;
    },
    policy: new ReconnectPolicy(
      { baseMs: 100, capMs: 1_000, healthyMs: 60_000, laterMs: 5_000 },
      () => 0.5,
    ),
    heartbeat: { quietMs: 1_000, timeoutMs: 1_000 },
    signal: enough.signal,
    deliver(message) {
      if (seqs.push(message.seq) === want) enough.abort();
    },
    report: (line) => reports.push(line),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return { done, seqs, waits, reports, urls };
}

test('backoff doubles with each drop; the reader resumes from the right seq, no gap, no duplicate', async () => {
  const read = await readRecorded('/ws/flaky?after=2', 8);
  await read.done;
  expect(read.seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(read.waits).toEqual([50, 100, 200]);
  expect(read.urls).toEqual([
    '/ws/flaky?after=2',
    '/ws/flaky?after=2&since=2',
    '/ws/flaky?after=2&since=4',
    '/ws/flaky?after=2&since=6',
  ]);
  expect(read.reports).toEqual([
    'closed with 1006 after 2 messages; retrying in 50 ms',
    'closed with 1006 after 2 messages; retrying in 100 ms',
    'closed with 1006 after 2 messages; retrying in 200 ms',
  ]);
});

test('a connection that hangs is found by the heartbeat and replaced', async () => {
  const read = await readRecorded('/ws/flaky?after=2&mode=hang', 4, {
    heartbeat: { quietMs: 150, timeoutMs: 150 },
  });
  await read.done;
  expect(read.seqs).toEqual([1, 2, 3, 4]);
  expect(read.reports).toEqual([
    'closed with 1006 "no answer to a ping" after 2 messages; retrying in 50 ms',
  ]);
});

test('a refusal it must not retry ends the reader, saying why', async () => {
  const read = await readRecorded('/ws/flaky?after=500', 1);
  await expect(read.done).rejects.toThrow(
    'closed with 1008 "after must be a whole number from 1 to 100" after 0 messages: not coming back',
  );
  expect(read.waits).toEqual([]);
});

test('a reader of /ws/push that loses its connection gets the ticks it missed, none twice', async () => {
  const push = await startTestServer({ pushTickMs: 20 });
  // ws's client, whose terminate() drops the TCP connection as a
  // network would; the first connection is dropped after 3 messages.
  let connections = 0;
  class Dropping extends WsWebSocket {
    constructor(url: string) {
      super(url);
      let messages = 0;
      if (++connections === 1) {
        this.on('message', () => ++messages === 3 && this.terminate());
      }
    }
  }
  try {
    const seqs: number[] = [];
    const urls: string[] = [];
    const reports: string[] = [];
    const enough = new AbortController();
    await readResuming({
      WebSocket: Dropping as unknown as typeof WebSocket,
      url(since, stream) {
        const path = `/ws/push${since === null ? '' : `?since=${since}&stream=${stream}`}`;
        urls.push(path);
        return `${push.url.replace('http', 'ws')}${path}`;
      },
      policy: new ReconnectPolicy({ baseMs: 10, capMs: 100, healthyMs: 1_000, laterMs: 100 }),
      heartbeat: { quietMs: 1_000, timeoutMs: 1_000 },
      signal: enough.signal,
      deliver(message) {
        if (seqs.push(message.seq) === 12) enough.abort();
      },
      report: (line) => reports.push(line),
      // Away long enough for several ticks to go by.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms + 100)),
    });
    expect(reports).toEqual([
      expect.stringMatching(/^closed with 1006 after \d messages; retrying in \d+ ms$/),
    ]);
    expect(urls).toEqual([
      '/ws/push',
      expect.stringMatching(/^\/ws\/push\?since=\d+&stream=[0-9a-f]{16}$/),
    ]);
    const since = Number(/since=(\d+)/.exec(urls[1]!)![1]);
    expect(seqs).toContain(since);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => seqs[0]! + i));
  } finally {
    await push.close();
  }
});
