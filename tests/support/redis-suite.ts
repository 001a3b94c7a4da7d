// A suite's own redis-server and SharedRedis. Apart from redis.ts,
// which benchmarks import too: this one needs vitest's hooks.

import { once } from 'node:events';
import { afterAll, beforeAll } from 'vitest';
import { connectSharedRedis, type SharedRedis } from '../../playground-server/shared-redis.ts';
import { startRedis } from './redis.ts';

/**
 * For the describe block it is called in: a redis-server of its own,
 * and an instance's SharedRedis on it, ready before the first test and
 * closed after the last. Read `redis` inside tests.
 */
export function sharedRedisPerSuite() {
  let server: Awaited<ReturnType<typeof startRedis>> | undefined;
  let shared: SharedRedis | undefined;
  beforeAll(async () => {
    server = await startRedis();
    shared = connectSharedRedis(server.url, () => {})!;
    if (!shared.up()) await once(shared.commands, 'ready');
  });
  afterAll(async () => {
    await shared?.close();
    await server?.stop();
  });
  return {
    get redis() {
      if (!shared) throw new Error('sharedRedisPerSuite: read redis inside a test');
      return shared;
    },
  };
}
