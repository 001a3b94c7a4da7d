// Rate limits: each bearer token may make so many requests a minute,
// with a burst allowed. Past it, 429 Too Many Requests with
// Retry-After (RFC 9110, 10.2.3), and a problem document; and every
// answer says where the client stands, in the two fields of
// draft-ietf-httpapi-ratelimit-headers-11:
//
//   RateLimit-Policy: "default";q=600;w=60    the policy (section 3)
//   RateLimit: "default";r=599;t=1            what is left (section 4)
//
// The limit is a token bucket (examples/websocket/token-bucket.ts):
// it holds `burst` requests and refills at `perMinute`. In the
// draft's terms a full bucket is the quota q, and w is how long an
// empty one takes to fill. r is what the bucket holds now, and t the
// seconds until it holds one more: within t, r is all there is, which
// is what the draft's "effective window" means (4.1.2).

import type { ServerResponse } from 'node:http';
import { TokenBucket } from '../websocket/token-bucket.ts';
import { Problem } from './problem.ts';

/** How fast one token may go, and how many requests at once. */
export interface RatePolicy {
  perMinute: number;
  burst: number;
  /** Tokens whose buckets are kept; the least recently used go. */
  maxTokens: number;
}

/**
 * What the handler asks of the limits: may `token` make a request
 * now? A promise, where the buckets are kept in another process that
 * every server shares (Redis, in the playground).
 */
export interface RateLimiter {
  admit(token: string, res: ServerResponse): void | Promise<void>;
}

/** A bucket per bearer token, and the fields that report on it. */
export class RateLimits implements RateLimiter {
  // Oldest use first, as in note-store.ts: a forgotten token comes
  // back to a full bucket, which costs at most one burst.
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #policy: RatePolicy;
  readonly #now: () => number;

  constructor(policy: RatePolicy, now: () => number = Date.now) {
    this.#policy = policy;
    this.#now = now;
  }

  /**
   * Counts a request of `token`, writes the RateLimit fields on `res`,
   * and throws a 429 when the bucket is empty.
   */
  admit(token: string, res: ServerResponse) {
    const now = this.#now();
    const bucket = this.#bucketOf(token, now);
    const allowed = bucket.take(now);
    reportBucket(res, this.#policy, allowed, bucket.tokens(now));
  }

  #bucketOf(token: string, now: number) {
    const { burst, perMinute, maxTokens } = this.#policy;
    const bucket =
      this.#buckets.get(token) ??
      new TokenBucket({ capacity: burst, perSecond: perMinute / 60 }, now);
    this.#buckets.delete(token);
    this.#buckets.set(token, bucket);
    for (const oldest of this.#buckets.keys()) {
      if (this.#buckets.size <= maxTokens) break;
      this.#buckets.delete(oldest);
    }
    return bucket;
  }
}

// #region admit
/**
 * Writes what a bucket holding `left` says on `res`, after a request
 * took one request from it (`allowed`), or found it empty: then 429.
 */
export function reportBucket(
  res: ServerResponse,
  { burst, perMinute }: RatePolicy,
  allowed: boolean,
  left: number,
) {
  const window = Math.ceil((burst * 60) / perMinute);
  // Seconds until one more request may go, never 0 while waiting.
  const next = left >= burst ? 0 : Math.ceil(secondsForOne(left, perMinute));
  res.setHeader('ratelimit-policy', `"default";q=${burst};w=${window}`);
  res.setHeader('ratelimit', `"default";r=${Math.floor(left)};t=${next}`);
  if (allowed) return;
  throw new Problem(
    'too-many-requests',
    `This token may make ${perMinute} requests a minute, after a ` +
      `burst of ${burst}, and it is over. Wait ${next} s ` +
      '(Retry-After) before the next request.',
    {
      headers: { 'retry-after': String(next) },
      extensions: { 'violated-policies': ['default'] },
    },
  );
}
// #endregion admit

/** Seconds until a bucket holding `tokens` holds one more whole one. */
function secondsForOne(tokens: number, perMinute: number) {
  const missing = Math.floor(tokens) + 1 - tokens;
  return (missing * 60) / perMinute;
}
