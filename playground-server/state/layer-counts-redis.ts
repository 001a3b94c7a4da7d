// What the caching layer did for each token (GET /api/cached/stats),
// counted in Redis (REDIS_URL) for the whole deployment: a reader sees
// the HIT an instance gave even when the stats come from another. The
// same bound as in memory: the least recently used token's counts go
// first, beyond `maxTokens`.
//
//   rest:cached:tokens, rest:cached:uses   the tokens, by last use
//   rest:cached:c:<token>                  hash: outcome → count

import type { Outcome } from '../../examples/rest/cache-layer.ts';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';
import { fullKey, luaScript, TOUCH_LUA } from './lua.ts';

const NAMESPACE = 'rest:cached:';

const COUNT_LUA = `${TOUCH_LUA}
touch(ARGV[1], tonumber(ARGV[2]), ARGV[3], {'c:'})
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return 1
`;

const countScript = luaScript(COUNT_LUA);

/** Counts of each outcome, per token, shared by every instance. */
export class RedisLayerCounts {
  readonly #redis: SharedRedis;
  readonly #maxTokens: number;

  constructor(redis: SharedRedis, maxTokens: number) {
    this.#redis = redis;
    this.#maxTokens = maxTokens;
  }

  async add(token: string, outcome: Outcome) {
    const keys = [`${NAMESPACE}tokens`, `${NAMESPACE}uses`, `${NAMESPACE}c:${token}`];
    await countScript(this.#redis, keys, [token, this.#maxTokens, fullKey(NAMESPACE), outcome]);
  }

  async of(token: string): Promise<Record<Outcome, number>> {
    const counts = await viaRedis(this.#redis, (commands) =>
      commands.hgetall(`${NAMESPACE}c:${token}`),
    );
    const count = (outcome: Outcome) => Number(counts[outcome] ?? 0);
    return {
      hit: count('hit'),
      revalidated: count('revalidated'),
      miss: count('miss'),
      pass: count('pass'),
    };
  }
}
