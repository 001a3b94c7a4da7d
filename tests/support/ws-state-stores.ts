// The WebSocket part's stores, in memory and in Redis, for tests that
// run one behaviour suite against both: eachStore() declares the suite
// once per store. The Redis one gets a redis-server of its own for the
// file, emptied before each test; without redis-server it is skipped
// locally and fails under CI (needs.ts).

import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { type CloseReports, MemoryCloseReports } from '../../examples/websocket/close-report.ts';
import {
  SecretBook,
  type SecretBookOptions,
  type Secrets,
} from '../../examples/websocket/secret-book.ts';
import type { Config } from '../../playground-server/config.ts';
import { RedisCloseReports } from '../../playground-server/state/close-reports-redis.ts';
import { RedisSecretBook } from '../../playground-server/state/secret-book-redis.ts';
import { needs } from './needs.ts';
import { type RunningServer, startTestServer } from './playground.ts';
import { startRedis, whyRedisIsMissing } from './redis.ts';
import { sharedRedisPerSuite } from './redis-suite.ts';

/** Makes each kind of state a WebSocket endpoint keeps. */
export interface WsStateStore {
  name: 'memory' | 'redis';
  secretBook(options: SecretBookOptions): Secrets;
  /** Close reports; two made in one test share them, as instances do. */
  closeReports(): CloseReports;
}

const memory: WsStateStore = {
  name: 'memory',
  secretBook: (options) => new SecretBook(options),
  // One process's reports are one store.
  closeReports: () => memoryReports,
};
const memoryReports = new MemoryCloseReports();

/** Declares `suite` for the in-memory store, then for the Redis one. */
export function eachStore(suite: (store: WsStateStore) => void) {
  describe('in memory', () => suite(memory));
  needs(whyRedisIsMissing()).describe('in Redis', () => {
    const shared = sharedRedisPerSuite();
    beforeEach(() => shared.redis.commands.flushdb());
    let books = 0;
    suite({
      name: 'redis',
      // A name of its own per book: two books in one test stay apart.
      secretBook: (options) => new RedisSecretBook(shared.redis, `test:book-${++books}`, options),
      closeReports: () => {
        const reports = new RedisCloseReports(shared.redis);
        made.push(reports);
        return reports;
      },
    });
    const made: RedisCloseReports[] = [];
    afterAll(() => {
      for (const reports of made) reports.close();
    });
  });
}

/** Starts a playground on one store, as startTestServer() does. */
export type StartPlayground = (overrides?: Partial<Config>) => Promise<RunningServer>;

/**
 * Declares `suite` for playgrounds that keep their state in memory,
 * then for playgrounds that keep it in one Redis (emptied before each
 * test): every playground `start` makes in the second shares it.
 */
export function eachPlayground(suite: (start: StartPlayground) => void) {
  describe('in memory', () => suite((overrides) => startTestServer(overrides)));
  needs(whyRedisIsMissing()).describe('in Redis', () => {
    let server: Awaited<ReturnType<typeof startRedis>>;
    let admin: Redis;
    beforeAll(async () => {
      server = await startRedis();
      admin = new Redis(server.url);
    });
    beforeEach(() => admin.flushdb());
    afterAll(async () => {
      admin?.disconnect();
      await server?.stop();
    });
    suite(async (overrides) => {
      const playground = await startTestServer({ ...overrides, redisUrl: server.url });
      await untilRedisUp(playground);
      return playground;
    });
  });
}

/** Resolves once `playground`'s /healthz says its Redis is up. */
export async function untilRedisUp(playground: RunningServer) {
  for (;;) {
    const health = await (await fetch(`${playground.url}/healthz`)).json();
    if (health.redis?.up === true) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
