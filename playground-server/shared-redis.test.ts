// The shared Redis connection: commands reach the real redis-server
// under the namespace, an unreachable Redis is RedisUnavailable at
// once (never a hang), and a request that needs it gets 503.

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { needs } from '../tests/support/needs.ts';
import { busyRedis, startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import { guarded } from './guarded.ts';
import {
  connectSharedRedis,
  RedisUnavailable,
  type SharedRedis,
  viaRedis,
} from './shared-redis.ts';

test('without REDIS_URL there is no shared Redis', () => {
  expect(connectSharedRedis(null)).toBeNull();
});

describe('with Redis out of reach', () => {
  let redis: SharedRedis;
  const log = vi.fn();
  beforeAll(() => {
    // Port 1 on loopback: nothing listens there.
    redis = connectSharedRedis('redis://127.0.0.1:1', log)!;
  });
  afterAll(() => redis.close());

  test('a command fails at once with RedisUnavailable, and the outage is logged once', async () => {
    await expect(viaRedis(redis, (commands) => commands.get('note'))).rejects.toThrow(
      new RedisUnavailable(),
    );
    await expect
      .poll(() => log.mock.calls.some(([line]) => /^state: Redis at/.test(line)))
      .toBe(true);
    expect(redis.status()).toMatchObject({ up: false });
  });

  test('a request that needs it is answered 503 with Retry-After and a body that says why', async () => {
    const server = createServer(
      guarded(async (_req, res) => {
        const value = await viaRedis(redis, (commands) => commands.get('note'));
        res.end(value);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(await answer.json()).toEqual({
        error: 'the shared state store (Redis) is unreachable; try again in a few seconds',
      });
    } finally {
      server.close();
    }
  });
});

needs(whyRedisIsMissing()).describe('with a real redis-server', () => {
  let server: Awaited<ReturnType<typeof startRedis>>;
  let redis: SharedRedis;
  beforeAll(async () => {
    server = await startRedis();
    redis = connectSharedRedis(server.url)!;
    if (!redis.up()) await once(redis.commands, 'ready');
  });
  afterAll(async () => {
    await redis?.close();
    await server?.stop();
  });

  test('keys are namespaced under wirebook:', async () => {
    await viaRedis(redis, (commands) => commands.set('probe', 'yes'));
    const names = await redis.commands.call('KEYS', '*');
    expect(names).toEqual(['wirebook:probe']);
  });

  test('an error that is not about the connection stays what it is', async () => {
    await viaRedis(redis, (commands) => commands.set('text', 'not a number'));
    const failure = viaRedis(redis, (commands) => commands.incr('text'));
    await expect(failure).rejects.toThrow(/not an integer/);
    await expect(failure).rejects.not.toBeInstanceOf(RedisUnavailable);
  });

  test('a Redis that is connected but stalls is RedisUnavailable after 2 s, not a hang', async () => {
    const busy = await busyRedis(server.url, 3_000);
    const started = performance.now();
    await expect(viaRedis(redis, (commands) => commands.get('probe'))).rejects.toBeInstanceOf(
      RedisUnavailable,
    );
    expect(performance.now() - started).toBeLessThan(2_900);
    await busy.done;
    await expect(viaRedis(redis, (commands) => commands.get('probe'))).resolves.toBe('yes');
  });
});
