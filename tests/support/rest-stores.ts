// The REST state in both of its homes: this process's memory (no
// REDIS_URL), and a Redis that every instance shares. A behaviour test
// of the notes API runs its body once for each, so both stores give
// the same answers.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ResponseStore } from '../../examples/rest/cache-store.ts';
import {
  type Clock,
  NoteStore,
  type Store,
  type StoreLimits,
} from '../../examples/rest/note-store.ts';
import type { Config } from '../../playground-server/config.ts';
import { RedisCacheStore } from '../../playground-server/state/cache-redis.ts';
import { RedisNoteStore } from '../../playground-server/state/notes-redis.ts';
import { needs } from './needs.ts';
import { type RunningServer, startTestServer } from './playground.ts';
import { startRedis, whyRedisIsMissing } from './redis.ts';
import { sharedRedisPerSuite } from './redis-suite.ts';

/** Starts a playground whose REST state is in one store. */
export type StartWithStore = (overrides?: Partial<Config>) => Promise<RunningServer>;

/**
 * Declares `body` twice: in memory, and in Redis (one redis-server for
 * the file, emptied each time a playground starts, so that every
 * playground starts with no state, as one in memory does).
 */
export function forEachStore(body: (start: StartWithStore) => void) {
  describe('notes in memory', () => body((overrides) => startTestServer(overrides)));
  needs(whyRedisIsMissing()).describe('notes in Redis', () => {
    let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => redis?.stop());
    body(async (overrides) => {
      await emptyRedis(redis!.url);
      return redisReady(await startTestServer({ ...overrides, redisUrl: redis!.url }));
    });
  });
}

/** Forgets everything the Redis at `url` holds. */
export async function emptyRedis(url: string) {
  const client = new Redis(url);
  try {
    await client.flushdb();
  } finally {
    await client.quit();
  }
}

/**
 * Resolves with `server` once its /healthz says Redis is up: until its
 * connection is ready a request that needs Redis gets 503.
 */
export async function redisReady(server: RunningServer) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    if (health.redis?.up) return server;
    if (Date.now() > deadline) throw new Error(`Redis is not up: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A note store made for one test, and how many tokens it holds. */
export interface MadeStore {
  store: Store;
  tokens(): Promise<number>;
}

/** Makes an empty note store with these limits and clock. */
export type MakeStore = (limits: StoreLimits, now?: Clock) => Promise<MadeStore>;

/**
 * Declares `body` twice, with the lesson's NoteStore and with the
 * playground's RedisNoteStore (on a redis-server of the file's own,
 * emptied for every store made).
 */
export function forEachNoteStore(body: (make: MakeStore) => void) {
  describe('NoteStore, in memory', () =>
    body(async (limits, now) => {
      const store = new NoteStore(limits, now);
      return { store, tokens: async () => store.size };
    }));
  needs(whyRedisIsMissing()).describe('RedisNoteStore', () => {
    const suite = sharedRedisPerSuite();
    body(async (limits, now) => {
      const { redis } = suite;
      await redis.commands.flushdb();
      const store = new RedisNoteStore(redis, limits, now);
      return { store, tokens: () => redis.commands.zcard('rest:notes:tokens') };
    });
  });
}

/** Makes an empty store for the caching layer; undefined: the layer's own, in memory. */
export type MakeResponseStore = (maxBytes: number) => Promise<ResponseStore | undefined>;

/**
 * Declares `body` twice, with the caching layer's own CacheStore and
 * with the playground's RedisCacheStore (on a redis-server of the
 * file's own, emptied for every store made).
 */
export function forEachResponseStore(body: (make: MakeResponseStore) => void) {
  describe('CacheStore, in memory', () => body(async () => undefined));
  needs(whyRedisIsMissing()).describe('RedisCacheStore', () => {
    const suite = sharedRedisPerSuite();
    body(async (maxBytes) => {
      await suite.redis.commands.flushdb();
      return new RedisCacheStore(suite.redis, maxBytes);
    });
  });
}
