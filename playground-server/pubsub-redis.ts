// The pub/sub broker over Redis, for several playground instances
// behind a load balancer: a chat sent to one reaches the readers of
// all, and each hears every other's presence counts (REDIS_URL).
//
// The same three methods as the in-memory broker
// (examples/websocket/pubsub.ts, whose interface this implements), on two
// connections, because a Redis connection that has subscribed may do
// nothing but (un)subscribe: PUBLISH on one, SUBSCRIBE on the other,
// QUIT on both. Each channel is subscribed once, however many local
// subscribers it has, and messages are fanned out here.
//
// Redis pub/sub delivers at most once, and so does this: a message
// published while Redis is unreachable is dropped at once (no offline
// queue to grow without bound), and one published while an instance
// is reconnecting never reaches it. Presence heals by itself (every
// instance repeats its count on each tick, and forgets a silent one);
// ticks and chat are numbered and kept in Redis besides, and an
// instance fills what it missed from there (state/push-log-redis.ts).
// ioredis reconnects with a growing delay and subscribes again.

import { Redis } from 'ioredis';
import type { PubSub, Subscriber } from '../examples/websocket/pubsub.ts';

/** Every channel is namespaced, so one Redis can serve other apps too. */
const PREFIX = 'wirebook:';

/** How the broker reports trouble; both default to console.error. */
export interface RedisPubSubOptions {
  /** A subscriber threw. */
  onError?: (error: unknown, channel: string) => void;
  /** Redis could not be reached, or came back. */
  log?: (line: string) => void;
}

/** A broker over the Redis server at `url` (redis://host:port). */
export function createRedisPubSub(
  url: string,
  options: RedisPubSubOptions = {},
): PubSub & { status(): { publisher: string; subscriber: string } } {
  const log = options.log ?? ((line) => console.error(line));
  const onError =
    options.onError ??
    ((error, channel) => console.error(`pubsub: a subscriber of "${channel}" failed:`, error));
  const connection = {
    // Wait at most 2 s between attempts, however long the outage.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    connectTimeout: 5_000,
  };
  const publisher = new Redis(url, {
    ...connection,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  const subscriber = new Redis(url, { ...connection, autoResubscribe: true });
  const where = redactedUrl(url);
  const watch = (name: string, client: Redis) => {
    // One line when Redis goes away and one when it is back, however
    // often ioredis retries in between; an 'error' event without a
    // listener would end the process.
    let down = false;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      log(`pubsub: Redis ${name} at ${where}: ${error.message}; retrying`);
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      log(`pubsub: Redis ${name} at ${where} is back`);
    });
  };
  watch('publisher', publisher);
  watch('subscriber', subscriber);

  const channels = new Map<string, Set<Subscriber>>();
  let closed = false;

  subscriber.on('message', (prefixed: string, message: string) => {
    const channel = prefixed.slice(PREFIX.length);
    for (const deliver of [...(channels.get(channel) ?? [])]) {
      try {
        deliver(message);
      } catch (error) {
        onError(error, channel);
      }
    }
  });

  return {
    publish(channel, message) {
      if (closed) return;
      // Fire and forget: while Redis is away this rejects at once.
      publisher.publish(PREFIX + channel, message).catch(() => {});
    },

    subscribe(channel, deliver) {
      if (closed) return () => {};
      let subscribers = channels.get(channel);
      if (!subscribers) {
        subscribers = new Set();
        channels.set(channel, subscribers);
        subscriber.subscribe(PREFIX + channel).catch(() => {});
      }
      subscribers.add(deliver);
      return () => {
        subscribers.delete(deliver);
        if (subscribers.size > 0 || channels.get(channel) !== subscribers) return;
        channels.delete(channel);
        if (!closed) subscriber.unsubscribe(PREFIX + channel).catch(() => {});
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      channels.clear();
      await Promise.all(
        [publisher, subscriber].map(async (client) => {
          // QUIT needs a connection; without one there is nothing to end.
          if (client.status !== 'ready') return client.disconnect();
          await client.quit().catch(() => client.disconnect());
        }),
      );
    },

    status: () => ({ publisher: publisher.status, subscriber: subscriber.status }),
  };
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
