import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { needs } from '../tests/support/needs.ts';
import { startTestServer } from '../tests/support/playground.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import { startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import type { RunningServer } from './server.ts';

const limits = { wsInspectors: 2, wsInspectFrames: 3 };

/**
 * Where inspectors and echo connections go: one playground, or two on
 * one Redis, with every inspector on B and every echo on A.
 */
const deployments = [
  {
    name: 'on one instance',
    missing: null,
    async start() {
      const server = await startTestServer(limits);
      return { inspectors: server, echoes: server, stop: () => server.close() };
    },
  },
  {
    name: 'across two instances on one Redis',
    missing: whyRedisIsMissing(),
    async start() {
      const { a, b, stop } = await pair();
      return { inspectors: b, echoes: a, stop };
    },
  },
];

/** Resolves once the playground's Redis connections are up. */
async function ready(server: RunningServer) {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    if (health.redis.up) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the playground did not reach its Redis in 5 s');
}

for (const deployment of deployments) {
  needs(deployment.missing).describe(`frame inspector ${deployment.name}`, () => {
    let inspectBase: string;
    let echoBase: string;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const started = await deployment.start();
      inspectBase = started.inspectors.url.replace('http', 'ws');
      echoBase = started.echoes.url.replace('http', 'ws');
      stop = started.stop;
    });
    afterAll(() => stop());

    /** Opens a WebSocket to the instance `path` belongs to. */
    const open = (path: string) =>
      openOn(`${path.startsWith('/ws/raw-inspect') ? inspectBase : echoBase}${path}`);
    /** The raw answer of the inspectors' instance. */
    const openInspectRaw = (path: string) => openRaw(`${inspectBase}${path}`);
    inspectorTests(open, openInspectRaw);
  });
}

/** Opens a WebSocket and waits for it; collects what it receives. */
async function openOn(url: string) {
  const ws = new WebSocket(url);
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(String(data)));
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, String(reason)]));
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

/** The tests, whichever instances serve the two ends. */
function inspectorTests(
  open: (path: string) => ReturnType<typeof openOn>,
  openInspectRaw: (path: string) => ReturnType<typeof openRaw>,
) {
  test('frames beyond the limit are counted, not sent', async () => {
    const inspector = await open('/ws/raw-inspect?id=limit-test-1');
    const echo = await open('/ws/raw-echo?inspect=limit-test-1');
    echo.ws.send('a');
    echo.ws.send('b');
    await expect.poll(() => echo.messages.length).toBe(2);
    echo.ws.close(1000);
    // Seven frames: a and b read and written, then the closes, less 3.
    expect(await inspector.closed).toEqual([1000, 'connection closed; 3 more frames not shown']);
    expect(inspector.messages.map((m) => JSON.parse(m).label)).toEqual(['read', 'wrote', 'read']);
  });

  test('a connection without a matching inspector is an ordinary echo', async () => {
    const echo = await open('/ws/raw-echo?inspect=nobody-watches');
    echo.ws.send('plain');
    await expect.poll(() => echo.messages).toEqual(['plain']);
    echo.ws.close();
  });

  test('an id is used once: a second connection naming it is not inspected', async () => {
    const inspector = await open('/ws/raw-inspect?id=used-once-1');
    const first = await open('/ws/raw-echo?inspect=used-once-1');
    const second = await open('/ws/raw-echo?inspect=used-once-1');
    second.ws.send('unseen');
    await expect.poll(() => second.messages.length).toBe(1);
    second.ws.close();
    first.ws.close();
    await inspector.closed;
    expect(inspector.messages.map((m) => JSON.parse(m).says)).toEqual(['', '']);
  });

  describe('what the inspector endpoint refuses', () => {
    test.each([
      ['no id', '/ws/raw-inspect'],
      ['an id with a slash', '/ws/raw-inspect?id=abc%2Fdefghij'],
    ])('$0 gets 400', async (_, path) => {
      const raw = await openInspectRaw(path);
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      await raw.close;
      expect(raw.received().toString()).toBe('id must be 8 to 64 letters, digits, "-" or "_"\n');
    });

    test('an id already watched gets 409', async () => {
      const inspector = await open('/ws/raw-inspect?id=taken-id-1');
      const raw = await openInspectRaw('/ws/raw-inspect?id=taken-id-1');
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 409 Conflict');
      await raw.close;
      expect(raw.received().toString()).toBe('id taken-id-1 is already being watched\n');
      inspector.ws.close();
    });

    test('one inspector more than WS_INSPECTORS gets 503', async () => {
      const a = await open('/ws/raw-inspect?id=many-ids-1');
      const b = await open('/ws/raw-inspect?id=many-ids-2');
      const raw = await openInspectRaw('/ws/raw-inspect?id=many-ids-3');
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
      await raw.close;
      expect(raw.received().toString()).toBe('too many inspectors are open; try again soon\n');
      a.ws.close();
      b.ws.close();
      await Promise.all([a.closed, b.closed]);
    });
  });
}

needs(whyRedisIsMissing()).describe('frame inspector routes over Redis', () => {
  test('an id watched on one instance is taken on the other: 409', async () => {
    const { a, b, stop } = await pair();
    try {
      const inspector = await openOn(
        `${b.url.replace('http', 'ws')}/ws/raw-inspect?id=taken-across`,
      );
      const raw = await openRaw(`${a.url.replace('http', 'ws')}/ws/raw-inspect?id=taken-across`);
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 409 Conflict');
      inspector.ws.close();
      await inspector.closed;
    } finally {
      await stop();
    }
  });

  test('with Redis out of reach an inspector gets 503 and why; the echo still echoes', async () => {
    const { a, stop, redis } = await pair();
    try {
      await redis.stop();
      const base = a.url.replace('http', 'ws');
      const raw = await openRaw(`${base}/ws/raw-inspect?id=redis-is-gone`);
      expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
      await raw.close;
      expect(raw.received().toString()).toBe(
        'the shared state store (Redis) is unreachable; try again in a few seconds\n',
      );
      const echo = await openOn(`${base}/ws/raw-echo?inspect=redis-is-gone`);
      echo.ws.send('still here');
      await expect.poll(() => echo.messages).toEqual(['still here']);
      echo.ws.close();
    } finally {
      await stop();
    }
  });
});

/** Two playgrounds on one fresh Redis. */
async function pair() {
  const redis = await startRedis();
  const a = await startTestServer({ ...limits, redisUrl: redis.url });
  const b = await startTestServer({ ...limits, redisUrl: redis.url });
  await Promise.all([ready(a), ready(b)]);
  return {
    a,
    b,
    redis,
    async stop() {
      await Promise.all([a.close(), b.close()]);
      await redis.stop();
    },
  };
}
