// Lua scripts for the state kept in Redis. A script runs as one step:
// no other client's command runs between its reads and its writes,
// which is what makes a check-then-write atomic across instances.
// ioredis sends it by its SHA-1 (EVALSHA), and in full only when this
// Redis has not seen it yet (after a restart, NOSCRIPT).

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { KEY_PREFIX, type SharedRedis, viaRedis } from '../shared-redis.ts';

/** What a script may be given: keys (prefixed by ioredis) and arguments. */
type Argument = string | number | Buffer;

/** A command defineCommand added: the number of keys, the keys, the arguments. */
type ScriptCommand = (keyCount: number, ...keysAndArgs: Argument[]) => Promise<unknown>;

/**
 * A script, run on the shared Redis as an ioredis custom command; a
 * failure to reach Redis is RedisUnavailable. With `buffers`, its
 * strings come back as Buffers, byte for byte.
 */
export function luaScript(source: string, { buffers = false } = {}) {
  const name = `lua${createHash('sha1').update(source).digest('hex').slice(0, 16)}`;
  const commandOf = (commands: Redis) => {
    if (!(name in commands)) commands.defineCommand(name, { lua: source });
    const defined = commands as unknown as Record<string, ScriptCommand>;
    return defined[buffers ? `${name}Buffer` : name]!.bind(commands);
  };
  return (redis: SharedRedis, keys: string[], args: Argument[]) =>
    viaRedis(redis, (commands) => commandOf(commands)(keys.length, ...keys, ...args));
}

/**
 * A key as a script must write it when it makes the name itself:
 * ioredis prefixes only the keys it is given.
 */
export function fullKey(key: string) {
  return KEY_PREFIX + key;
}

/**
 * Lua that makes ARGV's token the most recently used one in the sorted
 * set KEYS[1] (scored by the counter KEYS[2]) and forgets the least
 * recently used tokens beyond `max`: every key `prefix .. suffix ..
 * token`, for each suffix. The same bound as the in-memory stores' Map
 * in insertion order; a counter rather than a clock, so that instances
 * whose clocks differ cannot reorder it.
 */
export const TOUCH_LUA = `
local function touch(token, max, prefix, suffixes)
  redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), token)
  local over = redis.call('ZCARD', KEYS[1]) - max
  if over <= 0 then return end
  local oldest = redis.call('ZPOPMIN', KEYS[1], over)
  for i = 1, #oldest, 2 do
    for _, suffix in ipairs(suffixes) do
      redis.call('DEL', prefix .. suffix .. oldest[i])
    end
  end
end
`;
