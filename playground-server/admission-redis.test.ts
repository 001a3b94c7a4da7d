// The caps counted in Redis for every instance (admission-redis.ts):
// two SharedAdmissions on one real redis-server stand for two
// instances. The same caps as admission.ts, atomic across instances,
// healing when an instance dies, counting locally while Redis is away.

import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { needs } from '../tests/support/needs.ts';
import { busyRedis, startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import { type Release, SharedAdmission } from './admission-redis.ts';
import { connectSharedRedis, type SharedRedis } from './shared-redis.ts';

const released = (answer: unknown): answer is Release => typeof answer === 'function';

needs(whyRedisIsMissing()).describe('two instances on one Redis', () => {
  let server: Awaited<ReturnType<typeof startRedis>>;
  const connections: SharedRedis[] = [];
  const admissions: SharedAdmission[] = [];

  beforeAll(async () => {
    server = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(admissions.splice(0).map((admission) => admission.close()));
    await Promise.all(connections.splice(0).map((redis) => redis.close()));
  });
  afterAll(() => server?.stop());

  /** An instance's admission, on a Redis connection of its own. */
  const instance = async (
    caps: { perKey: number; total?: number },
    options: ConstructorParameters<typeof SharedAdmission>[3] = {},
  ) => {
    const redis = connectSharedRedis(server.url)!;
    connections.push(redis);
    if (!redis.up()) await once(redis.commands, 'ready');
    const admission = new SharedAdmission(redis, 'test', caps, options);
    admissions.push(admission);
    return admission;
  };

  test('each key is capped across instances; a place given back on one is free on the other', async () => {
    const [a, b] = [await instance({ perKey: 3 }), await instance({ perKey: 3 })];
    const held = [await a.admit('ada'), await b.admit('ada'), await a.admit('ada')];
    expect(held.every(released)).toBe(true);
    expect(await b.admit('ada')).toBe('per-key');
    expect(await a.admit('ada')).toBe('per-key');
    // Another key is not held back by this one.
    expect(released(await b.admit('bob'))).toBe(true);
    expect([a.heldBy('ada'), b.heldBy('ada')]).toEqual([2, 1]);
    (held[0] as Release)();
    await expect.poll(async () => released(await b.admit('ada'))).toBe(true);
  });

  test("the cap in all holds across keys and instances, the key's own named first", async () => {
    const [a, b] = [
      await instance({ perKey: 2, total: 3 }),
      await instance({ perKey: 2, total: 3 }),
    ];
    for (const [admission, key] of [
      [a, 'ada'],
      [b, 'bob'],
      [a, 'ada'],
    ] as const) {
      expect(released(await admission.admit(key))).toBe(true);
    }
    expect(await b.admit('cy')).toBe('total');
    expect(await b.admit('ada')).toBe('per-key');
  });

  test('forty admissions at once, from both instances, take exactly the five places', async () => {
    const [a, b] = [await instance({ perKey: 5 }), await instance({ perKey: 5 })];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).admit('ada')),
    );
    expect(answers.filter(released)).toHaveLength(5);
    expect(answers.filter((answer) => answer === 'per-key')).toHaveLength(35);
    expect(a.heldBy('ada') + b.heldBy('ada')).toBe(5);
  });

  test("a dead instance's places come free once its counts expire", async () => {
    const doomed = await instance({ perKey: 2 }, { ttlMs: 600 });
    const survivor = await instance({ perKey: 2 }, { ttlMs: 600 });
    await doomed.admit('ada');
    await doomed.admit('ada');
    // Cut off without a word: no release, no goodbye, no refresh.
    connections[0]!.commands.disconnect();
    expect(await survivor.admit('ada')).toBe('per-key');
    const started = Date.now();
    await expect
      .poll(async () => released(await survivor.admit('ada')), { timeout: 5_000, interval: 100 })
      .toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  test('a live instance keeps its places however long it holds them', async () => {
    const holder = await instance({ perKey: 1 }, { ttlMs: 300 });
    const other = await instance({ perKey: 1 }, { ttlMs: 300 });
    expect(released(await holder.admit('ada'))).toBe(true);
    // Five TTLs: only the refreshes keep the count alive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await other.admit('ada')).toBe('per-key');
  });

  test('a socket that gives its place back twice frees one place, not two', async () => {
    const [a, b] = [await instance({ perKey: 2 }), await instance({ perKey: 2 })];
    const first = (await a.admit('ada')) as Release;
    await b.admit('ada');
    first();
    first();
    await expect.poll(async () => released(await a.admit('ada'))).toBe(true);
    expect(await b.admit('ada')).toBe('per-key');
  });

  test('Redis too slow to answer: the instance counts alone, logs it, and Redis learns its count after', async () => {
    const log = vi.fn();
    const a = await instance({ perKey: 2 }, { timeoutMs: 200, log });
    const b = await instance({ perKey: 2 });
    // Redis busy for a second: every admission waits for its answer.
    const busy = await busyRedis(server.url, 1_000);
    const started = Date.now();
    const answers = [await a.admit('ada'), await a.admit('ada'), await a.admit('ada')];
    expect(Date.now() - started).toBeLessThan(900);
    expect(answers.slice(0, 2).every(released)).toBe(true);
    expect(answers[2]).toBe('per-key');
    expect(log).toHaveBeenCalledWith(
      "caps: Redis did not answer in 200 ms; the test caps count this instance's holders only until it is back",
    );
    await busy.done;
    // Once Redis answers again, a's two places count for b too.
    await expect.poll(async () => await b.admit('ada')).toBe('per-key');
    expect(b.heldBy('ada')).toBe(0);
  });
});

describe('with Redis out of reach', () => {
  let redis: SharedRedis;
  beforeAll(() => {
    // Port 1 on loopback: nothing listens there.
    redis = connectSharedRedis('redis://127.0.0.1:1', () => {})!;
  });
  afterAll(() => redis.close());

  test('the caps hold on this instance alone, and the fallback is logged once', async () => {
    const log = vi.fn();
    const admission = new SharedAdmission(redis, 'test', { perKey: 2, total: 3 }, { log });
    try {
      const ada = [await admission.admit('ada'), await admission.admit('ada')];
      expect(ada.every(released)).toBe(true);
      expect(await admission.admit('ada')).toBe('per-key');
      expect(released(await admission.admit('bob'))).toBe(true);
      expect(await admission.admit('cy')).toBe('total');
      (ada[0] as Release)();
      expect(released(await admission.admit('cy'))).toBe(true);
      expect(log.mock.calls).toEqual([
        [
          "caps: Redis is unreachable; the test caps count this instance's holders only until it is back",
        ],
      ]);
    } finally {
      await admission.close();
    }
  });
});
