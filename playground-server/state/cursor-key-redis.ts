// One key for every instance's pagination cursors (examples/rest/
// cursor.ts), so that a cursor issued by one instance is accepted by
// another. The first instance to ask stores a random one (SET NX); the
// others read it. It is kept until Redis loses it: then the next
// instance to ask stores a new one, and cursors issued before are
// refused with 400, as after a restart of one process.

import { randomBytes } from 'node:crypto';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';

/** The deployment's cursor key, made by whichever instance asks first. */
export async function sharedCursorKey(redis: SharedRedis): Promise<Buffer> {
  const mine = randomBytes(32).toString('base64');
  const stored = await viaRedis(redis, (commands) =>
    commands.set('rest:cursor-key', mine, 'NX', 'GET'),
  );
  return Buffer.from(stored ?? mine, 'base64');
}
