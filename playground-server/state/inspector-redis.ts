// The frame inspector's routes over Redis (REDIS_URL): an inspector
// opened on one instance follows a /ws/raw-echo connection that a load
// balancer sent to another (frame-inspector.ts has the interface, and
// the routes inside one process).
//
// The key inspect:ID says that ID is watched (SET NX, so a second
// inspector of it gets 409 whichever instance it reaches; PX the
// longest watch, so an instance that dies frees it). The connection
// that names ID takes the key (GETDEL: one connection per id, however
// many instances race for it) and publishes its frames, then its end,
// on the channel inspect:ID, to which the inspector's instance
// subscribed before answering 101. Redis pub/sub keeps one publisher's
// messages in order, so the frames arrive as they were read and
// written, and the end after them.

import { randomBytes } from 'node:crypto';
import type { InspectorRoutes, Sink } from '../frame-inspector.ts';
import { RedisUnavailable, type SharedRedis, viaRedis, whenUp } from '../shared-redis.ts';
import { luaScript } from './lua.ts';

/** How long an inspector waits for a Redis still connecting before 503. */
const CONNECTING_MS = 1_000;
/** How long a subscription may take to be confirmed. */
const SUBSCRIBE_MS = 2_000;

/** Frees a key only if it still holds this inspector's token. */
const LEAVE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

const leaveScript = luaScript(LEAVE);

/** One message on inspect:ID. */
type Said = { frame: string } | { end: string } | { ready: string };

/** Routes through the shared Redis; `watchMs` as the inspector's. */
export function redisRoutes(redis: SharedRedis, watchMs: number): InspectorRoutes {
  const watching = new Map<Sink, { token: string; unsubscribe: () => void }>();
  const key = (id: string) => `inspect:${id}`;
  const leave = (id: string, sink: Sink) => {
    const route = watching.get(sink);
    if (!route) return;
    watching.delete(sink);
    route.unsubscribe();
    leaveScript(redis, [key(id)], [route.token]).catch(() => {
      // Redis away: the key expires by itself.
    });
  };

  return {
    async wait(id, sink) {
      const token = randomBytes(8).toString('hex');
      await whenUp(redis, CONNECTING_MS);
      const taken = await viaRedis(redis, (commands) =>
        commands.set(key(id), token, 'PX', watchMs, 'NX'),
      );
      if (taken === null) return false;
      // Subscribed means our own message comes back: only then may the
      // page open the connection, or its first frames would be lost.
      let confirmed: () => void = () => {};
      const unsubscribe = redis.pubsub.subscribe(key(id), (text) => {
        const said = JSON.parse(text) as Said;
        if ('frame' in said) sink.frame(said.frame);
        else if ('end' in said) sink.end(said.end);
        else if (said.ready === token) confirmed();
      });
      watching.set(sink, { token, unsubscribe });
      const subscribed = new Promise<void>((resolve) => {
        confirmed = resolve;
      });
      redis.pubsub.publish(key(id), JSON.stringify({ ready: token }));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RedisUnavailable()), SUBSCRIBE_MS);
      });
      try {
        await Promise.race([subscribed, late]);
      } catch (error) {
        leave(id, sink);
        throw error;
      } finally {
        clearTimeout(timer);
      }
      return true;
    },

    leave,

    async claim(id) {
      const token = await viaRedis(redis, (commands) => commands.getdel(key(id)));
      if (token === null) return null;
      const say = (said: Said) => redis.pubsub.publish(key(id), JSON.stringify(said));
      return {
        frame: (record) => say({ frame: record }),
        end: (reason) => say({ end: reason }),
      };
    },
  };
}
