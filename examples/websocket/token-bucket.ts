// A token bucket: how the playground limits the rate of messages on
// every WebSocket, and how the chat on /ws/push limits what a reader
// may say.
//
// The bucket holds at most `capacity` tokens and gains `perSecond`
// tokens every second. Each message takes one token; a message that
// finds the bucket empty is over the limit. So a client may send a
// burst of `capacity` messages at once, and `perSecond` messages a
// second for ever after, but no more.
//
// It does no I/O and reads no clock. The caller passes the time in
// milliseconds, which lets a test step through an hour in a loop.

/** How big a burst may be, and how fast the bucket refills. */
export interface TokenBucketOptions {
  capacity: number;
  perSecond: number;
}

// #region bucket
/** A rate limit: take() says whether one more event may happen now. */
export class TokenBucket {
  readonly capacity: number;
  readonly perSecond: number;
  #tokens: number;
  #updatedAt: number;

  /** A full bucket, as of `now` (milliseconds on any clock). */
  constructor(options: TokenBucketOptions, now: number) {
    if (!(options.capacity >= 1) || !(options.perSecond > 0)) {
      throw new RangeError('needs capacity >= 1 and perSecond > 0');
    }
    this.capacity = options.capacity;
    this.perSecond = options.perSecond;
    this.#tokens = options.capacity;
    this.#updatedAt = now;
  }

  /** Takes a token at `now`; false when there is none to take. */
  take(now: number): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Tokens in the bucket at `now`, a fraction of one included. */
  tokens(now: number): number {
    this.#refill(now);
    return this.#tokens;
  }

  /** Milliseconds from `now` until take() would succeed again. */
  waitMs(now: number): number {
    const tokens = this.tokens(now);
    if (tokens >= 1) return 0;
    return Math.ceil(((1 - tokens) / this.perSecond) * 1000);
  }

  #refill(now: number) {
    // A clock that steps back (a wall clock being corrected) must
    // not take tokens away, so time only ever moves forward here.
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#updatedAt = Math.max(now, this.#updatedAt);
    this.#tokens = Math.min(
      this.capacity,
      this.#tokens + (elapsed / 1000) * this.perSecond,
    );
  }
}
// #endregion bucket
