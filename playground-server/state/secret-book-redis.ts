// The authentication page's SecretBook (examples/websocket/secret-book.ts)
// kept in Redis, so that a ticket or a session issued by one instance
// is recognised by every other one.
//
// One book is two keys: a hash from each secret's digest to its entry
// ({"who":…,"expiresAt":…}, `who` false once used), and a sorted set
// of the digests by expiry, whose order is the in-memory Map's
// insertion order (one lifetime for all). A third, a set of the used
// digests, finds them when the book must make room. Every change is
// one Lua script, so issue() keeps the bound and take() uses a secret
// up once across the deployment: two handshakes racing with one
// ticket on two instances get one 101 and one 401 used-ticket.
//
// The clock is the caller's, as in memory; Redis's own expiry
// (PEXPIRE, two lifetimes after the last issue) only sweeps a book
// no one uses any more.

import type { Redis } from 'ioredis';
import {
  digest,
  type Lookup,
  newSecret,
  type SecretBookOptions,
  type Secrets,
} from '../../examples/websocket/secret-book.ts';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';

// KEYS: entries, byExpiry, used. ARGV: now, lifetimeMs.
// Forgets what has been spent for a whole extra lifetime.
const FORGET_OLD = `
local function forgetOld(now, lifetime)
  local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - lifetime)
  for _, key in ipairs(old) do
    redis.call('HDEL', KEYS[1], key)
    redis.call('SREM', KEYS[3], key)
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - lifetime)
end
`;

// ARGV: now, lifetimeMs, max, digest, entry JSON. Returns 1, or 0 when full.
const ISSUE = `${FORGET_OLD}
local now, lifetime, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
forgetOld(now, lifetime)
if redis.call('ZCARD', KEYS[2]) >= max then
  -- Forget every used or expired secret, to make room.
  local spent = redis.call('SMEMBERS', KEYS[3])
  for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
    table.insert(spent, key)
  end
  for _, key in ipairs(spent) do
    redis.call('HDEL', KEYS[1], key)
    redis.call('ZREM', KEYS[2], key)
  end
  redis.call('DEL', KEYS[3])
end
if redis.call('ZCARD', KEYS[2]) >= max then return 0 end
redis.call('HSET', KEYS[1], ARGV[4], ARGV[5])
redis.call('ZADD', KEYS[2], now + lifetime, ARGV[4])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], 2 * lifetime) end
return 1
`;

// ARGV: now, digest. Returns the entry as it was found, and uses a
// valid one up in the same step.
const TAKE = `
local now = tonumber(ARGV[1])
local raw = redis.call('HGET', KEYS[1], ARGV[2])
if not raw then return false end
local entry = cjson.decode(raw)
if entry.who ~= false and now < entry.expiresAt then
  redis.call('HSET', KEYS[1], ARGV[2], cjson.encode({who = false, expiresAt = entry.expiresAt}))
  redis.call('SADD', KEYS[3], ARGV[2])
  redis.call('PEXPIRE', KEYS[3], redis.call('PTTL', KEYS[1]))
end
return raw
`;

interface Entry {
  who: string | false;
  expiresAt: number;
}

type BookCommands = Redis & {
  secretIssue(...keysThenArgs: (string | number)[]): Promise<0 | 1>;
  secretTake(...keysThenArgs: (string | number)[]): Promise<string | null>;
};

/** A SecretBook shared through Redis under `name` (e.g. "ws-auth:tickets"). */
export class RedisSecretBook implements Secrets {
  readonly lifetimeMs: number;
  readonly #redis: SharedRedis;
  readonly #keys: [string, string, string];
  readonly #max: number;
  readonly #now: () => number;

  constructor(redis: SharedRedis, name: string, options: SecretBookOptions) {
    this.#redis = redis;
    this.#keys = [`${name}:entries`, `${name}:by-expiry`, `${name}:used`];
    this.#max = options.max;
    this.lifetimeMs = options.lifetimeMs;
    this.#now = options.now ?? Date.now;
    defineCommands(redis.commands);
  }

  issue(who: string) {
    const secret = newSecret();
    const now = this.#now();
    const entry: Entry = { who, expiresAt: now + this.lifetimeMs };
    return this.#run(async (commands) => {
      const args = [now, this.lifetimeMs, this.#max, digest(secret), JSON.stringify(entry)];
      const issued = await commands.secretIssue(...this.#keys, ...args);
      return issued === 1 ? secret : null;
    });
  }

  find(secret: string) {
    return this.#run(async (commands) =>
      this.#lookup(await commands.hget(this.#keys[0], digest(secret))),
    );
  }

  take(secret: string) {
    const now = this.#now();
    return this.#run(async (commands) =>
      this.#lookup(await commands.secretTake(...this.#keys, now, digest(secret)), now),
    );
  }

  secondsUntilRoom() {
    return this.#run(async (commands) => {
      const [, expiresAt] = await commands.zrange(this.#keys[1], '0', '0', 'WITHSCORES');
      if (expiresAt === undefined) return 0;
      return Math.max(1, Math.ceil((Number(expiresAt) - this.#now()) / 1000));
    });
  }

  count() {
    // What memory's size counts: entries not yet spent a whole lifetime.
    const since = this.#now() - this.lifetimeMs;
    return this.#run((commands) => commands.zcount(this.#keys[1], `(${since}`, '+inf'));
  }

  #lookup(raw: string | null, now = this.#now()): Lookup {
    if (raw === null) return { ok: false, why: 'unknown' };
    const entry = JSON.parse(raw) as Entry;
    // Spent a whole lifetime ago: forgotten, as in memory, even if
    // no issue() has swept it away yet.
    if (now >= entry.expiresAt + this.lifetimeMs) return { ok: false, why: 'unknown' };
    if (entry.who === false) return { ok: false, why: 'used' };
    if (now >= entry.expiresAt) return { ok: false, why: 'expired' };
    return { ok: true, who: entry.who };
  }

  #run<T>(work: (commands: BookCommands) => Promise<T>) {
    return viaRedis(this.#redis, (commands) => work(commands as BookCommands));
  }
}

function defineCommands(commands: Redis) {
  if ('secretIssue' in commands) return;
  commands.defineCommand('secretIssue', { numberOfKeys: 3, lua: ISSUE });
  commands.defineCommand('secretTake', { numberOfKeys: 3, lua: TAKE });
}
