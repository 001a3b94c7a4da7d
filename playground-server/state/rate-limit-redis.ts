// Rate limits in Redis (REDIS_URL): one bucket per token for the whole
// deployment, so N instances do not allow N times the rate. The same
// token bucket as examples/websocket/token-bucket.ts, taken from in one
// Lua script (read, refill, take, write: no request of another
// instance between), and the same fields and 429 as RateLimits in
// examples/rest/rate-limit.ts.
//
//   rest:rate:<token>   hash: t tokens left, u when last refilled (ms)
//
// A bucket expires once it would be full again, which is what a
// forgotten bucket is: where the in-memory limits forget the least
// recently used token, Redis forgets every token that has been quiet
// that long.

import type { ServerResponse } from 'node:http';
import { type RateLimiter, type RatePolicy, reportBucket } from '../../examples/rest/rate-limit.ts';
import type { SharedRedis } from '../shared-redis.ts';
import { luaScript } from './lua.ts';

const TAKE_LUA = `
local now, capacity, perSecond = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens = tonumber(redis.call('HGET', KEYS[1], 't') or capacity)
local updated = tonumber(redis.call('HGET', KEYS[1], 'u') or now)
-- A clock that steps back takes no tokens away (token-bucket.ts).
local elapsed = math.max(0, now - updated)
updated = math.max(now, updated)
tokens = math.min(capacity, tokens + elapsed / 1000 * perSecond)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'u', updated)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perSecond * 1000) + 1)
return {allowed, string.format('%.17g', tokens)}
`;

const takeScript = luaScript(TAKE_LUA);

/** A bucket per bearer token, shared by every instance. */
export class RedisRateLimits implements RateLimiter {
  readonly #redis: SharedRedis;
  readonly #policy: RatePolicy;
  readonly #now: () => number;

  constructor(redis: SharedRedis, policy: RatePolicy, now: () => number = Date.now) {
    this.#redis = redis;
    this.#policy = policy;
    this.#now = now;
  }

  async admit(token: string, res: ServerResponse) {
    const { burst, perMinute } = this.#policy;
    const args = [this.#now(), burst, perMinute / 60];
    const [allowed, left] = (await takeScript(this.#redis, [`rest:rate:${token}`], args)) as [
      number,
      string,
    ];
    reportBucket(res, this.#policy, allowed === 1, Number(left));
  }
}
