// The secrets a server hands out and later recognises: the tickets and
// the session ids of the authentication page. Each one names who it
// was given to, is valid for a fixed time, and may be used up.
//
// Three rules make it safe to hand such a secret to a browser:
// - it is 32 random bytes from the operating system's generator, so
//   guessing one is hopeless (2^256 tries);
// - the book keys its entries by the secret's SHA-256, not the
//   secret: comparing strings stops at the first differing character,
//   and what that timing could leak is a prefix of a hash, which helps
//   no one forge the secret it came from;
// - using one up is one synchronous step (look up, then forget who it
//   was for), so two handshakes racing with one ticket cannot both win.
//
// A secret past its time, or used, is remembered for one more
// lifetime, so that a late client hears "expired" or "used" rather
// than "unknown"; then it is forgotten, or sooner if the book needs
// its place. The book holds at most `max` entries, so no client can
// fill the server's memory by asking for more; when all of them are
// valid secrets, it refuses to issue another until one expires. It
// does no I/O; the clock is passed in.
//
// The handlers ask for the `Secrets` interface, not this class: a
// deployment of several servers keeps the same book in a store they
// share (the playground's is in Redis), whose answers come later,
// so each method may return a Promise.

import { createHash, randomBytes } from 'node:crypto';

/** What looking a secret up found. */
export type Lookup =
  | { ok: true; who: string }
  | { ok: false; why: 'unknown' | 'expired' | 'used' };

/** A value now, or a promise of it from a store across the network. */
export type Answer<T> = T | Promise<T>;

/** What the handlers need of a book, wherever it is kept. */
export interface Secrets {
  /** How long a secret is valid, in milliseconds. */
  readonly lifetimeMs: number;
  /** A new secret for `who`, or null when the book is full. */
  issue(who: string): Answer<string | null>;
  /** Who `secret` was given to, while it is valid. */
  find(secret: string): Answer<Lookup>;
  /** Like find(), and a valid secret is used up: it works once. */
  take(secret: string): Answer<Lookup>;
  /** Seconds until the oldest secret expires, making room. */
  secondsUntilRoom(): Answer<number>;
  /** How many entries are remembered now. */
  count(): Answer<number>;
}

/** How many secrets, for how long, on which clock. */
export interface SecretBookOptions {
  /** Entries remembered at once, used and expired ones included. */
  max: number;
  /** How long a secret is valid, in milliseconds. */
  lifetimeMs: number;
  /** The time in milliseconds; Date.now by default. */
  now?: () => number;
}

interface Entry {
  /** Who it was given to; null once it is used up. */
  who: string | null;
  expiresAt: number;
}

/** Bounded, expiring secrets in this process: tickets, session ids. */
export class SecretBook implements Secrets {
  readonly lifetimeMs: number;
  readonly #max: number;
  readonly #now: () => number;
  // By the secret's hash. A Map keeps insertion order, which with one
  // lifetime for all is the order in which entries expire.
  readonly #entries = new Map<string, Entry>();

  constructor({ max, lifetimeMs, now = Date.now }: SecretBookOptions) {
    this.#max = max;
    this.lifetimeMs = lifetimeMs;
    this.#now = now;
  }

  // #region issue
  /** A new secret for `who`, or null when the book is full. */
  issue(who: string): string | null {
    this.#forgetOld();
    if (this.#entries.size >= this.#max) this.#forgetSpent();
    if (this.#entries.size >= this.#max) return null;
    const secret = newSecret();
    const expiresAt = this.#now() + this.lifetimeMs;
    this.#entries.set(digest(secret), { who, expiresAt });
    return secret;
  }
  // #endregion issue

  // #region take
  /** Who `secret` was given to, while it is valid. */
  find(secret: string): Lookup {
    const entry = this.#entries.get(digest(secret));
    if (entry === undefined) return { ok: false, why: 'unknown' };
    if (entry.who === null) return { ok: false, why: 'used' };
    if (this.#now() >= entry.expiresAt) return { ok: false, why: 'expired' };
    return { ok: true, who: entry.who };
  }

  /** Like find(), and a valid secret is used up: it works once. */
  take(secret: string): Lookup {
    const found = this.find(secret);
    if (found.ok) this.#entries.get(digest(secret))!.who = null;
    return found;
  }
  // #endregion take

  /** Seconds until the oldest secret expires, making room. */
  secondsUntilRoom(): number {
    const [oldest] = this.#entries.values();
    if (oldest === undefined) return 0;
    return Math.max(1, Math.ceil((oldest.expiresAt - this.#now()) / 1000));
  }

  /** How many entries are remembered now. */
  get size(): number {
    this.#forgetOld();
    return this.#entries.size;
  }

  count(): number {
    return this.size;
  }

  /** Forgets every used or expired secret, to make room. */
  #forgetSpent() {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.who === null || now >= entry.expiresAt) {
        this.#entries.delete(key);
      }
    }
  }

  #forgetOld() {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (now < entry.expiresAt + this.lifetimeMs) break;
      this.#entries.delete(key);
    }
  }
}

/** 32 random bytes from the operating system, in base64url. */
export function newSecret() {
  return randomBytes(32).toString('base64url');
}

/** What a book keys a secret by: its SHA-256, never the secret. */
export function digest(secret: string) {
  return createHash('sha256').update(secret).digest('base64url');
}
