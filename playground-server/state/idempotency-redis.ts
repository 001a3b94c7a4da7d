// Idempotency-Key answers in Redis (REDIS_URL): a retry that reaches
// another instance gets the first answer again, and two requests with
// one key on two instances cannot both create. The same rules and
// bounds as IdempotencyKeys in examples/rest/idempotency.ts: a key is
// claimed before the body is read, kept `ttlMs`, at most `maxKeys` a
// token (expired ones first, then the oldest answered; a running one
// never), and the least recently used token forgotten beyond
// `maxTokens`.
//
//   rest:idem:tokens, rest:idem:uses   the tokens, by last use
//   rest:idem:k:<token>   hash: "e:<key>" expiry, "c:<key>" the claim
//                         holding it, "d:<key>" its answer once done
//   rest:idem:o:<token>   sorted set: key → expiry, oldest first
//
// Both keys of a token expire `ttlMs` after its last claim, when
// every entry in them has.

import { randomUUID } from 'node:crypto';
import {
  type Claim,
  type Done,
  inFlight,
  type KeyLimits,
  type KeyStore,
} from '../../examples/rest/idempotency.ts';
import type { SharedRedis } from '../shared-redis.ts';
import { fullKey, luaScript, TOUCH_LUA } from './lua.ts';

const NAMESPACE = 'rest:idem:';

const KEYS_LUA = `${TOUCH_LUA}
local keys, order = KEYS[3], KEYS[4]
local token, maxTokens, prefix, op, key, claim = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5], ARGV[6]

local function forget(old)
  redis.call('HDEL', keys, 'e:' .. old, 'c:' .. old, 'd:' .. old)
  redis.call('ZREM', order, old)
end

if op == 'claim' then
  local now, ttl, maxKeys = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
  touch(token, maxTokens, prefix, {'k:', 'o:'})
  local expires = tonumber(redis.call('HGET', keys, 'e:' .. key) or 0)
  if expires > now then
    local done = redis.call('HGET', keys, 'd:' .. key)
    if not done then return {'in-flight'} end
    return {'done', done}
  end
  forget(key)
  redis.call('HSET', keys, 'e:' .. key, now + ttl, 'c:' .. key, claim)
  redis.call('ZADD', order, now + ttl, key)
  local size = redis.call('ZCARD', order)
  local all = redis.call('ZRANGE', order, 0, -1, 'WITHSCORES')
  for i = 1, #all, 2 do
    local expired = tonumber(all[i + 1]) <= now
    local answered = redis.call('HEXISTS', keys, 'd:' .. all[i]) == 1
    if expired or (size > maxKeys and answered) then
      forget(all[i])
      size = size - 1
    end
  end
  redis.call('PEXPIRE', keys, ttl)
  redis.call('PEXPIRE', order, ttl)
  return {'claimed'}
end
-- complete and release act only on the claim that still holds the key.
if redis.call('HGET', keys, 'c:' .. key) ~= claim then return 0 end
if redis.call('HEXISTS', keys, 'd:' .. key) == 1 then return 0 end
if op == 'complete' then
  redis.call('HSET', keys, 'd:' .. key, ARGV[7])
else
  forget(key)
end
return 1
`;

const keysScript = luaScript(KEYS_LUA);

/** The keys of every token, and what each one was answered, in Redis. */
export class RedisIdempotencyKeys implements KeyStore {
  readonly #redis: SharedRedis;
  readonly #limits: KeyLimits;
  readonly #now: () => number;

  constructor(redis: SharedRedis, limits: KeyLimits, now: () => number = Date.now) {
    this.#redis = redis;
    this.#limits = limits;
    this.#now = now;
  }

  async claim(token: string, key: string): Promise<Claim> {
    const id = randomUUID();
    const { ttlMs, maxKeys } = this.#limits;
    const [outcome, done] = (await this.#run(
      token,
      'claim',
      key,
      id,
      this.#now(),
      ttlMs,
      maxKeys,
    )) as string[];
    if (outcome === 'in-flight') throw inFlight();
    if (outcome === 'done') {
      return { previous: JSON.parse(done!) as Done, complete() {}, release() {} };
    }
    // Released after it completed, the claim has nothing left to do:
    // no round trip after the answer, which Redis could fail.
    let completed = false;
    return {
      previous: undefined,
      complete: async (answered: Done) => {
        await this.#run(token, 'complete', key, id, JSON.stringify(answered));
        completed = true;
      },
      release: async () => {
        if (!completed) await this.#run(token, 'release', key, id);
      },
    };
  }

  #run(token: string, op: string, ...args: (string | number)[]) {
    const keys = [
      `${NAMESPACE}tokens`,
      `${NAMESPACE}uses`,
      `${NAMESPACE}k:${token}`,
      `${NAMESPACE}o:${token}`,
    ];
    const prefix = fullKey(NAMESPACE);
    return keysScript(this.#redis, keys, [token, this.#limits.maxTokens, prefix, op, ...args]);
  }
}
