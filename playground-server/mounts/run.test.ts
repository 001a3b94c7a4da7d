import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { Demo } from '../../examples/demo-io.ts';
import { decodeRunMessage, type RunMessage } from '../../shared/run-protocol.ts';
import type { ServerDemos } from '../../shared/server-demos.ts';
import { needs } from '../../tests/support/needs.ts';
import { busyRedis, startRedis, whyRedisIsMissing } from '../../tests/support/redis.ts';
import { createPlayground } from '../app.ts';
import { type Config, DEFAULTS } from '../config.ts';
import { connectSharedRedis } from '../shared-redis.ts';
import { runMount } from './run.ts';

/** Why each run of the test demos ended, as the demo itself saw it. */
const aborted: string[] = [];

const waitForStop: Demo = async (io) => {
  io.log('waiting');
  await new Promise<void>((resolve) => {
    io.signal.addEventListener('abort', () => {
      aborted.push(String((io.signal.reason as Error).message));
      resolve();
    });
  });
};

const testDemos: ServerDemos = {
  'test/hello': async () => ({
    run: async (io) => {
      io.log('hello', 42);
      io.sent(new Uint8Array([1, 2, 255]));
      io.received('text back');
      io.show('table', [{ a: 1 }]);
    },
  }),
  'test/wait': async () => ({ run: waitForStop }),
  'test/chatty': async () => ({
    run: async (io) => {
      for (let i = 0; !io.signal.aborted; i++) {
        io.log(`line ${i}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  }),
  'test/fails': async () => ({
    run: async (io) => {
      io.log('about to fail');
      throw new Error('it broke');
    },
  }),
  'test/unloadable': () => Promise.reject(new Error('no such module')),
};

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
  aborted.length = 0;
});

/**
 * A playground with only the run mount, running the test demos; its
 * caps counted in the Redis at `redisUrl`, if given.
 */
async function start(overrides: Partial<Config> = {}, redisUrl: string | null = null) {
  const config: Config = {
    ...DEFAULTS,
    host: '127.0.0.1',
    port: 0,
    siteDir: null,
    shutdownGraceMs: 200,
    ...overrides,
  };
  const redis = connectSharedRedis(redisUrl);
  const playground = createPlayground(config, [runMount(config, testDemos, redis)], redis);
  const server = createServer((req, res) => {
    playground.handleRequest(req, res, () => res.writeHead(404).end());
  });
  server.on('upgrade', (req, socket, head) => playground.handleUpgrade(req, socket, head));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    await playground.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  servers.push(close);
  return { url: `ws://127.0.0.1:${port}`, close };
}

/** A run as a page sees it: each message, and how the socket closed. */
function openRun(url: string, demo: string, from = '127.0.0.1') {
  const ws = new WebSocket(`${url}/ws/run?demo=${encodeURIComponent(demo)}`, {
    localAddress: from,
  });
  const messages: RunMessage[] = [];
  const raw: string[] = [];
  ws.on('message', (data) => {
    raw.push(String(data));
    messages.push(decodeRunMessage(String(data)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
  const started = () => expect.poll(() => messages.length).toBeGreaterThan(0);
  return { ws, messages, raw, closed, started };
}

/** The lines of a run as "direction text", and whether it ended ok. */
function summary(messages: RunMessage[]) {
  return messages.map((m) => {
    if (m.type === 'end') return `end ${m.ok ? 'ok' : 'failed'}`;
    const { line } = m;
    if (line.direction === 'view') return `view ${JSON.stringify(line.value)}`;
    return `${line.direction} ${typeof line.data === 'string' ? line.data : Array.from(line.data).join(',')}`;
  });
}

test("a demo's lines stream as JSON, bytes as hex, then end and 1000", async () => {
  const { url } = await start();
  const run = openRun(url, 'test/hello');
  expect(await run.closed).toEqual({ code: 1000, reason: 'done' });
  expect(summary(run.messages)).toEqual([
    'info hello 42',
    'sent 1,2,255',
    'received text back',
    'view [{"a":1}]',
    'end ok',
  ]);
  expect(JSON.parse(run.raw[1]!)).toEqual({
    type: 'line',
    line: { at: expect.any(Number), direction: 'sent', hex: '0102ff' },
  });
});

describe('refusals: one error line, then a close code', () => {
  test.each([
    ['an unknown id', 'sockets/rm-rf'],
    ['no id at all', ''],
    ['a name every object has', 'constructor'],
    ['a prototype key', '__proto__'],
  ])('%s gets 1008', async (_, id) => {
    const { url } = await start();
    const run = openRun(url, id);
    expect(await run.closed).toEqual({ code: 1008, reason: 'UNKNOWN_DEMO' });
    expect(summary(run.messages)).toEqual([
      `error no server-run demo "${id}"; the playground runs only ` +
        'test/hello, test/wait, test/chatty, test/fails, test/unloadable',
    ]);
  });

  test('a message from the page gets 1003 and stops the run', async () => {
    const { url } = await start();
    const run = openRun(url, 'test/wait');
    await run.started();
    run.ws.send('rm -rf /');
    expect(await run.closed).toEqual({ code: 1003, reason: 'NO_MESSAGES' });
    expect(summary(run.messages)).toContain(
      'error /ws/run takes no messages; close the socket to stop a run',
    );
    await expect.poll(() => aborted).toEqual(['the page closed the run']);
  });
});

/**
 * The caps' tests on a deployment `instances` starts: two URLs, of one
 * instance or of two; each test spreads its runs over both.
 */
function capTests(instances: (overrides: Partial<Config>) => Promise<[string, string]>) {
  test('a flood of runs from one address: the cap holds, others are served', async () => {
    const [a, b] = await instances({ runMaxPerClient: 2, runMaxTotal: 10 });
    const first = openRun(a, 'test/wait');
    await first.started();
    const second = openRun(b, 'test/wait');
    await second.started();
    const flood = Array.from({ length: 6 }, (_, i) => openRun(i % 2 ? a : b, 'test/hello'));
    for (const run of flood) {
      expect(await run.closed).toEqual({ code: 1013, reason: 'TOO_MANY_RUNS' });
      expect(summary(run.messages)).toEqual([
        'error you already have 2 demos running here; wait for one to end, or stop one',
      ]);
    }
    // Another address is not held back by this one's runs.
    const other = openRun(b, 'test/hello', '127.0.0.2');
    expect(await other.closed).toMatchObject({ code: 1000 });
    // And the first two are still running.
    expect(await runningOn(a, b)).toBe(2);
    first.ws.close();
    await expect.poll(() => runningOn(a, b)).toBe(1);
    const again = openRun(b, 'test/hello');
    expect(await again.closed).toMatchObject({ code: 1000 });
  });

  test('the playground-wide cap holds for every address', async () => {
    const [a, b] = await instances({ runMaxPerClient: 5, runMaxTotal: 2 });
    await openRun(a, 'test/wait').started();
    await openRun(b, 'test/wait', '127.0.0.2').started();
    for (const url of [a, b]) {
      const third = openRun(url, 'test/hello', '127.0.0.3');
      expect(await third.closed).toEqual({ code: 1013, reason: 'TOO_MANY_RUNS' });
      expect(summary(third.messages)).toEqual([
        'error the playground is running its limit of 2 demos; try again in a moment',
      ]);
    }
  });
}

describe('caps, on one instance', () => {
  capTests(async (overrides) => {
    const { url } = await start(overrides);
    return [url, url];
  });
});

needs(whyRedisIsMissing()).describe('caps, across two instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  capTests(async (overrides) => [
    (await start(overrides, redis.url)).url,
    (await start(overrides, redis.url)).url,
  ]);

  test('a page that leaves before Redis answers gives its place back', async () => {
    const [a, b] = [
      (await start({ runMaxPerClient: 1 }, redis.url)).url,
      (await start({ runMaxPerClient: 1 }, redis.url)).url,
    ];
    // Redis busy for a second: every run waits for its answer.
    const busy = await busyRedis(redis.url, 1_000);
    const left = Array.from({ length: 10 }, (_, i) => {
      const run = openRun(i % 2 ? a : b, 'test/wait');
      run.ws.once('open', () => run.ws.terminate());
      return run.closed;
    });
    await Promise.all(left);
    await busy.done;
    await expect.poll(() => runningOn(a, b)).toBe(0);
    const run = openRun(a, 'test/hello');
    expect(await run.closed).toEqual({ code: 1000, reason: 'done' });
  });
});

describe('every run is bounded', () => {
  test('by a time limit', async () => {
    const { url } = await start({ runTimeLimitMs: 300 });
    const run = openRun(url, 'test/wait');
    expect(await run.closed).toEqual({ code: 1000, reason: 'failed' });
    expect(summary(run.messages)).toEqual([
      'info waiting',
      'error stopped: time limit of 0.3 s reached',
      'end failed',
    ]);
    expect(aborted).toEqual(['time limit of 0.3 s reached']);
  });

  test('by a cap on output lines', async () => {
    const { url } = await start({ runMaxLines: 5 });
    const run = openRun(url, 'test/chatty');
    await run.closed;
    expect(summary(run.messages)).toEqual([
      'info line 0',
      'info line 1',
      'info line 2',
      'info line 3',
      'info line 4',
      'error stopped: output limit of 5 lines reached',
      'end failed',
    ]);
  });
});

test("closing the run socket (the page's Stop) aborts the run on the server", async () => {
  const { url } = await start();
  const run = openRun(url, 'test/wait');
  await run.started();
  expect(await running(url)).toBe(1);
  run.ws.close(1000, 'stopped');
  await expect.poll(() => aborted).toEqual(['the page closed the run']);
  await expect.poll(() => running(url)).toBe(0);
});

test('a demo that throws, or cannot load, ends with its error line', async () => {
  const { url } = await start();
  const fails = openRun(url, 'test/fails');
  expect(await fails.closed).toEqual({ code: 1000, reason: 'failed' });
  expect(summary(fails.messages)).toEqual(['info about to fail', 'error it broke', 'end failed']);
  const unloadable = openRun(url, 'test/unloadable');
  await unloadable.closed;
  expect(summary(unloadable.messages)).toEqual([
    'error could not load test/unloadable: Error: no such module',
    'end failed',
  ]);
});

test('shutting down ends every run with 1001, and the demos see it', async () => {
  const { url, close } = await start();
  const run = openRun(url, 'test/wait');
  await run.started();
  await close();
  expect(await run.closed).toMatchObject({ code: 1001 });
  expect(aborted).toHaveLength(1);
});

/** What /healthz says about runs. */
async function running(url: string) {
  const health = await (await fetch(`${url.replace('ws', 'http')}/healthz`)).json();
  return (health as { run: { running: number } }).run.running;
}

/** The runs of every instance among `urls`, each counted once. */
async function runningOn(...urls: string[]) {
  const counts = await Promise.all([...new Set(urls)].map(running));
  return counts.reduce((sum, count) => sum + count, 0);
}
