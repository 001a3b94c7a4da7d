// Several playground instances sharing one real redis-server: chat and
// presence across instances, and an instance that dies drops out of
// the count. Skipped, saying why, where redis-server is not installed.

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { needs } from '../tests/support/needs.ts';
import { startTestServer } from '../tests/support/playground.ts';
import { startPlaygroundProcess } from '../tests/support/playground-process.ts';
import { startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import { createRedisPubSub } from './pubsub-redis.ts';
import type { RunningServer } from './server.ts';

interface Pushed {
  type: string;
  readers?: number;
  from?: string;
  text?: string;
  name?: string;
}

/** A reader of /ws/push that keeps what it is sent. */
async function reader(base: string) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws/push`);
  const inbox: Pushed[] = [];
  ws.on('message', (data) => inbox.push(JSON.parse(String(data)) as Pushed));
  ws.on('error', () => {});
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  await expect.poll(() => inbox[0]?.type).toBe('welcome');
  return {
    ws,
    inbox,
    name: inbox[0]!.name!,
    presence: () => inbox.findLast((m) => m.type === 'presence')?.readers,
    chats: () => inbox.filter((m) => m.type === 'chat'),
    chat: (text: string) => ws.send(JSON.stringify({ type: 'chat', text })),
  };
}

needs(whyRedisIsMissing()).describe('several instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const servers: RunningServer[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await Promise.all(servers.map((server) => server.close()));
    await redis?.stop();
  });

  const instance = async () => {
    const server = await startTestServer({ redisUrl: redis.url, pushTickMs: 200 });
    servers.push(server);
    return server;
  };
  const join = async (base: string) => {
    const r = await reader(base);
    sockets.push(r.ws);
    return r;
  };

  test('the broker delivers across connections, at most once, and survives a failing subscriber', async () => {
    const errors: unknown[] = [];
    const one = createRedisPubSub(redis.url, { onError: (error) => errors.push(error) });
    const two = createRedisPubSub(redis.url);
    try {
      const got: string[] = [];
      one.subscribe('test', () => {
        throw new Error('broken subscriber');
      });
      one.subscribe('test', (message) => got.push(`one ${message}`));
      two.subscribe('test', (message) => got.push(`two ${message}`));
      await expect
        .poll(() => [one.status(), two.status()].every((s) => s.subscriber === 'ready'))
        .toBe(true);
      // A subscription reaches Redis shortly after subscribe(); publish
      // until it has, then check that each message came once to each.
      await expect
        .poll(() => {
          two.publish('test', 'hello');
          return got.includes('one hello') && got.includes('two hello');
        })
        .toBe(true);
      one.publish('test', 'once');
      one.publish('test', 'then this');
      await expect.poll(() => got.filter((m) => m.endsWith(' then this')).length).toBe(2);
      expect(got.filter((m) => m.endsWith(' once')).sort()).toEqual(['one once', 'two once']);
      expect(errors[0]).toEqual(new Error('broken subscriber'));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
    // After close(), publish() does nothing and throws nothing.
    one.publish('test', 'too late');
  });

  test('a chat sent to one instance reaches a reader of the other, and presence counts both', async () => {
    const a = await instance();
    const b = await instance();
    await expect
      .poll(async () => (await (await fetch(`${a.url}/healthz`)).json()).websocket.pubsub)
      .toEqual({ kind: 'redis', publisher: 'ready', subscriber: 'ready' });

    const ada = await join(a.url);
    const bob = await join(b.url);
    await expect.poll(() => ada.presence()).toBe(2);
    await expect.poll(() => bob.presence()).toBe(2);

    ada.chat('hello from instance A');
    await expect
      .poll(() => bob.chats())
      .toEqual([
        {
          type: 'chat',
          from: ada.name,
          text: 'hello from instance A',
          at: expect.any(Number),
          // Numbered once for every instance (state/push-log-redis.ts).
          seq: expect.any(Number),
        },
      ]);
    // The sender hears its own message back through Redis, once.
    await expect.poll(() => ada.chats().length).toBe(1);
  });

  test('an instance that dies without a word drops out of the count', async () => {
    const a = await instance();
    const ada = await join(a.url);
    const doomed = startPlaygroundProcess({ REDIS_URL: redis.url, WS_PUSH_TICK_MS: '200' });
    try {
      const cyd = await join(await doomed.url);
      // Every reader of every instance, the earlier test's included.
      const here = servers.reduce((sum, s) => sum + s.playground.openWebSockets(), 0);
      await expect.poll(() => ada.presence()).toBe(here + 1);
      await expect.poll(() => cyd.presence()).toBe(here + 1);
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      // No goodbye was published: the count falls once the dead
      // instance has been silent for the tally's expiry (10 s).
      await expect.poll(() => ada.presence(), { timeout: 20_000, interval: 250 }).toBe(here);
    } finally {
      doomed.child.kill('SIGKILL');
    }
  }, 40_000);
});

describe('without a reachable Redis', () => {
  test('publishing drops messages at once, and the broker says it is not ready', async () => {
    const log = vi.fn();
    // Port 1 on loopback: nothing listens there.
    const broker = createRedisPubSub('redis://127.0.0.1:1', { log });
    try {
      expect(() => broker.publish('test', 'into the void')).not.toThrow();
      broker.subscribe('test', () => {});
      await expect.poll(() => log.mock.calls.length).toBeGreaterThan(0);
      expect(log.mock.calls[0]![0]).toMatch(
        /^pubsub: Redis (publisher|subscriber) at redis:\/\/127.0.0.1:1: .*; retrying$/,
      );
      expect(broker.status().publisher).not.toBe('ready');
    } finally {
      await broker.close();
    }
  });
});
