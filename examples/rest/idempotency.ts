// Safe retries of POST: the Idempotency-Key request field
// (draft-ietf-httpapi-idempotency-key-header-07). A client that sent
// a POST and got no answer cannot tell whether the note was stored.
// If it sent a key, it sends the same request with the same key again,
// and the server, which remembers what it answered to that key, sends
// that answer again instead of storing a second note.
//
//   first use of a key            the request is processed, and its
//                                 answer remembered (section 2.6)
//   the same key, the same body   the remembered answer, again
//   the same key, another body    422 (section 2.7)
//   the same key, still running   409 (section 2.7)
//   a key that is no sf-string    400 (section 2.1)
//
// Keys are kept per bearer token, so one client cannot meet another's;
// each is forgotten after `ttlMs`, and a token keeps at most
// `maxKeys`, the oldest forgotten first (section 2.3 asks the server
// to publish such a policy: README, and docs/rest/retries).

import { createHash } from 'node:crypto';
import type { Awaitable } from './note-store.ts';
import { Problem } from './problem.ts';

/** How many keys, for how long, for how many tokens. */
export interface KeyLimits {
  maxKeys: number;
  ttlMs: number;
  maxTokens: number;
}

/** An answer as it was sent, to send again byte for byte. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a key was answered, and the body that answer was for. */
export interface Done {
  fingerprint: string;
  answer: Answer;
}

/** What a key stands for: a request running, or done and answered. */
interface Entry {
  expiresAt: number;
  done?: Done;
}

/**
 * A request's hold on its key: what the key was answered before, if
 * anything, and how the request lets go of it.
 */
export interface Claim {
  previous: Done | undefined;
  complete(done: Done): Awaitable<void>;
  release(): Awaitable<void>;
}

/**
 * Where keys are kept. Its answers may be promises, for keys kept in
 * another process that every server shares (Redis, in the playground).
 */
export interface KeyStore {
  claim(token: string, key: string): Awaitable<Claim>;
}

// #region syntax
/**
 * The key of an Idempotency-Key field, or undefined without one. The
 * value is a Structured Field String (RFC 8941, 3.3.3): a quoted
 * string of printable ASCII, `"` and `\` escaped. Sent twice, the
 * field arrives joined by a comma, which is no string: refused too.
 */
export function idempotencyKey(field: string | string[] | undefined) {
  if (field === undefined) return undefined;
  const value = Array.isArray(field) ? field.join(', ') : field;
  const quoted = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\]){1,128})"$/;
  const match = quoted.exec(value.trim());
  if (!match) {
    throw new Problem(
      'bad-idempotency-key',
      'Idempotency-Key must be one quoted string of 1 to 128 printable ' +
        'ASCII characters, such as "8e03978e-40d5-43e8-bc93-' +
        '6894a57f9324": a new random UUID for each new request.',
    );
  }
  return match[1]!.replaceAll(/\\(.)/g, '$1');
}

/** What makes two requests the same request: their body's bytes. */
export function fingerprint(body: Uint8Array) {
  return createHash('sha256').update(body).digest('base64url');
}
// #endregion syntax

// #region keys
/** The keys of every token, and what each one was answered. */
export class IdempotencyKeys implements KeyStore {
  readonly #tokens = new Map<string, Map<string, Entry>>();
  readonly #limits: KeyLimits;
  readonly #now: () => number;

  constructor(limits: KeyLimits, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /**
   * Claims `key` for a request of `token`, before its body is read:
   * a 409 if a request with it is still running. The claim says what
   * the key was answered before, if anything; it must be completed
   * with the answer, or released if the request fails.
   */
  claim(token: string, key: string) {
    const keys = this.#keysOf(token);
    const now = this.#now();
    const entry = keys.get(key);
    if (entry && entry.expiresAt > now && !entry.done) throw inFlight();
    const previous = entry && entry.expiresAt > now ? entry.done : undefined;
    const mine: Entry = { expiresAt: now + this.#limits.ttlMs };
    if (!previous) this.#remember(keys, key, mine);
    return {
      previous,
      complete: (done: Done) => {
        mine.done = done;
      },
      release: () => {
        if (!mine.done && keys.get(key) === mine) keys.delete(key);
      },
    };
  }
  // #endregion keys

  #remember(keys: Map<string, Entry>, key: string, entry: Entry) {
    keys.delete(key);
    keys.set(key, entry);
    const now = this.#now();
    // Oldest first: expired keys go, then the oldest answered ones
    // while there are too many. A running one is never forgotten.
    for (const [old, { expiresAt, done }] of keys) {
      const expired = expiresAt <= now;
      if (!expired && (keys.size <= this.#limits.maxKeys || !done)) continue;
      keys.delete(old);
    }
  }

  #keysOf(token: string) {
    const keys = this.#tokens.get(token) ?? new Map<string, Entry>();
    this.#tokens.delete(token);
    this.#tokens.set(token, keys);
    for (const oldest of this.#tokens.keys()) {
      if (this.#tokens.size <= this.#limits.maxTokens) break;
      this.#tokens.delete(oldest);
    }
    return keys;
  }
}

/** The same key, with another body: 422. */
export function keyReused() {
  return new Problem(
    'idempotency-key-reused',
    'This Idempotency-Key was already used for a request with another ' +
      'body. A retry must send the same body; a new request needs a ' +
      'new key.',
  );
}

/** The same key, while its first request runs: 409. */
export function inFlight() {
  return new Problem(
    'idempotency-key-in-flight',
    'A request with this Idempotency-Key is still being processed. ' +
      'Wait for its answer, or retry in a moment: the retry will get ' +
      'the same answer.',
  );
}
