// One Redis for every playground instance (REDIS_URL): the state a
// visitor can reach across requests, and the pub/sub that carries
// streams between instances, live there, so a load balancer may send
// each request to any instance (README, Deployment).
//
// One connection for commands, and the two of the pub/sub broker
// (pubsub-redis.ts). Commands fail at once while Redis is away (no
// offline queue, no retries of a request): the caller turns that into
// RedisUnavailable, which HTTP answers with 503 and WebSockets with
// 1013, instead of a request that hangs until Redis is back. ioredis
// reconnects by itself, with a growing delay of at most 2 s.

import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { PubSub } from '../examples/websocket/pubsub.ts';
import { createRedisPubSub, redactedUrl } from './pubsub-redis.ts';

/** Every key is namespaced, so one Redis can serve other apps too. */
export const KEY_PREFIX = 'wirebook:';

/** What the instance shares with the others through one Redis. */
export interface SharedRedis {
  /** Commands; `keyPrefix` is applied to every key by ioredis. */
  readonly commands: Redis;
  /** Publish and subscribe between instances. */
  readonly pubsub: PubSub & { status(): { publisher: string; subscriber: string } };
  /** Whether commands can be sent now. */
  up(): boolean;
  /** Each connection's state, for /healthz. */
  status(): { up: boolean; commands: string; publisher: string; subscriber: string };
  close(): Promise<void>;
}

/** Redis was unreachable: the request needs shared state it cannot get. */
export class RedisUnavailable extends Error {
  constructor(cause?: unknown) {
    super('the shared state store (Redis) is unreachable; try again in a few seconds', { cause });
    this.name = 'RedisUnavailable';
  }
}

/**
 * Runs `work` against Redis; a failure to reach it becomes
 * RedisUnavailable, any other error (a bug, a script error) stays
 * what it is.
 */
export async function viaRedis<T>(redis: SharedRedis, work: (commands: Redis) => Promise<T>) {
  if (!redis.up()) throw new RedisUnavailable();
  try {
    return await work(redis.commands);
  } catch (error) {
    if (!redis.up() || isConnectionError(error)) throw new RedisUnavailable(error);
    throw error;
  }
}

/** Connects to the Redis at `url`; null when REDIS_URL is not set. */
export function connectSharedRedis(
  url: string | null,
  log: (line: string) => void = (line) => console.error(line),
): SharedRedis | null {
  if (url === null) return null;
  const commands = new Redis(url, {
    keyPrefix: KEY_PREFIX,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    connectTimeout: 5_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  let down = false;
  commands.on('error', (error: Error) => {
    // One line per outage; an 'error' without a listener would end
    // the process.
    if (down) return;
    down = true;
    log(`state: Redis at ${redactedUrl(url)}: ${error.message}; retrying`);
  });
  commands.on('ready', () => {
    if (!down) return;
    down = false;
    log(`state: Redis at ${redactedUrl(url)} is back`);
  });
  const pubsub = createRedisPubSub(url, { log });
  const up = () => commands.status === 'ready';
  let closing: Promise<void> | undefined;
  return {
    commands,
    pubsub,
    up,
    status: () => ({ up: up(), commands: commands.status, ...pubsub.status() }),
    close() {
      closing ??= Promise.all([
        pubsub.close(),
        commands.status === 'ready'
          ? commands.quit().then(
              () => {},
              () => commands.disconnect(),
            )
          : Promise.resolve(commands.disconnect()),
      ]).then(() => {});
      return closing;
    },
  };
}

function isConnectionError(error: unknown) {
  const message = error instanceof Error ? error.message : '';
  const { code } = error as NodeJS.ErrnoException;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries/i.test(message)
  );
}

/**
 * Waits up to `ms` for Redis while it is not reachable yet (an instance
 * that has just started is still connecting), so that the first
 * visitors are not refused; resolves either way, and viaRedis decides.
 */
export async function whenUp(redis: SharedRedis, ms: number) {
  if (redis.up()) return;
  await once(redis.commands, 'ready', { signal: AbortSignal.timeout(ms) }).catch(() => {});
}
