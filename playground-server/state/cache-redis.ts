// The caching layer's store in Redis (REDIS_URL): a response stored
// through one instance answers a request that reaches another (a HIT
// there too), and a write through any instance invalidates it for all.
// The same bound as CacheStore in examples/rest/cache-store.ts: the
// entries take at most `maxBytes` (counted the same way), the least
// recently used going first.
//
//   rest:cache:e:<key>   hash: meta (headers, etag, storedAt, lifetime,
//                        path, size as JSON) and body (bytes)
//   rest:cache:p:<path>  set: the keys stored for a path
//   rest:cache:v:<path>  the header names its responses vary on
//   rest:cache:lru       sorted set: key → last use (a counter)
//   rest:cache:uses      that counter
//   rest:cache:bytes     what the entries take
//
// Each change is one Lua script, so that the byte count and the sets
// always agree with the entries.

import {
  type Entry,
  keyOf,
  type RequestHeader,
  type ResponseStore,
  sizeOf,
} from '../../examples/rest/cache-store.ts';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';
import { fullKey, luaScript } from './lua.ts';

const NAMESPACE = 'rest:cache:';

const CACHE_LUA = `
local lru, uses, bytes = KEYS[1], KEYS[2], KEYS[3]
local prefix, op = ARGV[1], ARGV[2]

local function remove(key)
  local meta = redis.call('HGET', prefix .. 'e:' .. key, 'meta')
  if not meta then return end
  local entry = cjson.decode(meta)
  redis.call('DEL', prefix .. 'e:' .. key)
  redis.call('ZREM', lru, key)
  redis.call('DECRBY', bytes, entry.size)
  local paths = prefix .. 'p:' .. entry.path
  redis.call('SREM', paths, key)
  if redis.call('SCARD', paths) == 0 then redis.call('DEL', paths, prefix .. 'v:' .. entry.path) end
end

local function invalidate(path)
  for _, key in ipairs(redis.call('SMEMBERS', prefix .. 'p:' .. path)) do remove(key) end
end

if op == 'get' then
  local key = ARGV[3]
  local found = redis.call('HMGET', prefix .. 'e:' .. key, 'meta', 'body')
  if not found[1] then return nil end
  redis.call('ZADD', lru, redis.call('INCR', uses), key)
  return found
elseif op == 'put' then
  local path, vary, key, meta, body = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
  local size, max = tonumber(ARGV[8]), tonumber(ARGV[9])
  local known = redis.call('GET', prefix .. 'v:' .. path)
  -- New Vary names make the old keys unreachable: drop them.
  if known and known ~= vary then invalidate(path) end
  remove(key)
  if size > max then return 0 end
  redis.call('HSET', prefix .. 'e:' .. key, 'meta', meta, 'body', body)
  redis.call('SADD', prefix .. 'p:' .. path, key)
  redis.call('SET', prefix .. 'v:' .. path, vary)
  redis.call('ZADD', lru, redis.call('INCR', uses), key)
  local total = redis.call('INCRBY', bytes, size)
  while total > max do
    local oldest = redis.call('ZRANGE', lru, 0, 0)
    if #oldest == 0 then break end
    remove(oldest[1])
    total = tonumber(redis.call('GET', bytes))
  end
  return 1
elseif op == 'invalidate' then
  invalidate(ARGV[3])
  return 1
end
return redis.error_reply('unknown operation ' .. op)
`;

const cacheScript = luaScript(CACHE_LUA, { buffers: true });

/** What an entry keeps besides its body. */
interface Meta extends Omit<Entry, 'body'> {
  path: string;
  size: number;
}

/** Responses by path and varying headers, in Redis, bounded in bytes. */
export class RedisCacheStore implements ResponseStore {
  readonly #redis: SharedRedis;
  readonly #maxBytes: number;

  constructor(redis: SharedRedis, maxBytes: number) {
    this.#redis = redis;
    this.#maxBytes = maxBytes;
  }

  async get(path: string, header: RequestHeader): Promise<Entry | undefined> {
    const vary = await viaRedis(this.#redis, (commands) => commands.get(`${NAMESPACE}v:${path}`));
    if (vary === null) return undefined;
    const key = keyOf(path, namesOf(vary), header);
    const found = (await this.#run('get', key)) as [Buffer, Buffer] | null;
    if (!found) return undefined;
    const { path: _, size: __, ...entry } = JSON.parse(found[0].toString()) as Meta;
    return { ...entry, body: new Uint8Array(found[1]) };
  }

  async put(path: string, vary: string[], header: RequestHeader, entry: Entry) {
    const key = keyOf(path, vary, header);
    const { body, ...rest } = entry;
    const size = sizeOf(key, entry);
    const meta = JSON.stringify({ ...rest, path, size } satisfies Meta);
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    await this.#run('put', path, vary.join(), key, meta, bytes, size, this.#maxBytes);
  }

  async invalidate(path: string) {
    await this.#run('invalidate', path);
  }

  get bytes() {
    return viaRedis(this.#redis, async (commands) =>
      Number(await commands.get(`${NAMESPACE}bytes`)),
    );
  }

  #run(op: string, ...args: (string | number | Buffer)[]) {
    const keys = [`${NAMESPACE}lru`, `${NAMESPACE}uses`, `${NAMESPACE}bytes`];
    return cacheScript(this.#redis, keys, [fullKey(NAMESPACE), op, ...args]);
  }
}

/** The header names stored as "accept,authorization"; none as "". */
function namesOf(vary: string) {
  return vary === '' ? [] : vary.split(',');
}
