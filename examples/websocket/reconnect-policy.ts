// When a client whose WebSocket closed should connect again, and
// whether it should at all.
//
// How long to wait: exponential backoff with "full jitter", from the
// AWS Architecture Blog's "Exponential Backoff And Jitter" (2015):
//   sleep = random(0, min(cap, base · 2^attempt))
// Doubling keeps a client from hammering a server that is down; the
// random draw keeps a thousand clients that lost the same server at
// the same moment from coming back at the same moments too (a
// thundering herd), and the cap keeps the wait bounded. After a
// connection that stayed up `healthyMs`, the count starts over: the
// next outage is a new one.
//
// Whether to come back is the close code's to say (close-codes.ts).
// A code that blames what this client sent (1002, 1003, 1007, 1008,
// 1009, 1010) or one of the 4000–4999 an application defines for
// itself (RFC 6455 §7.4.2) would be answered the same way again:
// give up, and tell the person. 1013, try again later (IANA), asks
// for patience: wait `laterMs` on top of the backoff. Everything else,
// 1006 (the network dropped us) and 1001 (a server going away) first,
// is worth another try.
//
// Nothing here does I/O, and the random source and clock come from
// outside, so a test can replay any sequence of outages exactly.

import { CloseCode } from './close-codes.ts';

/** How a client backs off; every duration in milliseconds. */
export interface BackoffOptions {
  /** The first attempt waits at most this long. */
  baseMs: number;
  /** No attempt waits longer than this (before `laterMs`). */
  capMs: number;
  /** A connection up this long resets the attempt count. */
  healthyMs: number;
  /** Added to the wait after 1013, try again later. */
  laterMs: number;
}

/** What a close code tells a client to do. */
export type Verdict = 'retry' | 'later' | 'give-up';

// #region verdict
/** Codes that say the client is at fault: it would be again. */
const HOPELESS = new Set<number>([
  CloseCode.PROTOCOL_ERROR,
  CloseCode.UNSUPPORTED_DATA,
  CloseCode.INVALID_PAYLOAD,
  CloseCode.POLICY_VIOLATION,
  CloseCode.MESSAGE_TOO_BIG,
  CloseCode.MANDATORY_EXTENSION,
]);

/** Whether a connection closed with `code` is worth another one. */
export function verdict(code: number): Verdict {
  if (HOPELESS.has(code)) return 'give-up';
  // Private codes: this application's own "do not come back".
  if (code >= 4000 && code <= 4999) return 'give-up';
  if (code === CloseCode.TRY_AGAIN_LATER) return 'later';
  return 'retry';
}
// #endregion verdict

// #region jitter
/** Full jitter: a uniform draw from 0 to the capped exponential. */
export function fullJitter(
  attempt: number,
  { baseMs, capMs }: Pick<BackoffOptions, 'baseMs' | 'capMs'>,
  random: () => number,
): number {
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}
// #endregion jitter

// #region policy
/** One client's reconnection: tell it each open and close. */
export class ReconnectPolicy {
  readonly #options: BackoffOptions;
  readonly #random: () => number;
  #attempt = 0;
  #openedAt: number | null = null;

  constructor(options: BackoffOptions, random: () => number = Math.random) {
    this.#options = options;
    this.#random = random;
  }

  /** The attempt the next wait is drawn for; 0 after a healthy run. */
  get attempt() {
    return this.#attempt;
  }

  /** A connection opened at `now`. */
  opened(now: number) {
    this.#openedAt = now;
  }

  /** Milliseconds to wait after a close with `code`, or null: stop. */
  closed(code: number, now: number): number | null {
    const upFor = this.#openedAt === null ? 0 : now - this.#openedAt;
    this.#openedAt = null;
    const said = verdict(code);
    if (said === 'give-up') return null;
    if (upFor >= this.#options.healthyMs) this.#attempt = 0;
    const wait = fullJitter(this.#attempt++, this.#options, this.#random);
    return said === 'later' ? wait + this.#options.laterMs : wait;
  }
}
// #endregion policy
