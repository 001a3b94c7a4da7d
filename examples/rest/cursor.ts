// A pagination cursor: where the next page of a list starts, written
// by the server and handed back by the client, which must treat it as
// opaque. Inside it is one number, the position of the last note the
// client was given (note-store.ts), bound to the bearer token it was
// issued to and signed with HMAC-SHA256 under a key this process
// made when it started.
//
// Opaque, because what a cursor holds is the server's business: it
// may hold a date or a sort key tomorrow, and a client that built or
// edited one would break then. Signed, so that it cannot be built or
// edited today: a cursor that is malformed, altered, another token's,
// or from before a restart is refused with 400, never half-trusted.

import {
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Problem } from './problem.ts';

// #region cursor
/** Cursors for one process: issued and checked with its own key. */
export class Cursors {
  readonly #key: KeyObject;

  constructor(key: Buffer = randomBytes(32)) {
    // A KeyObject, made once: HMAC with a raw Buffer key imports the
    // key again on every call, several times slower.
    this.#key = createSecretKey(key);
  }

  /** A cursor for `token` that continues after `position`. */
  issue(token: string, position: number): string {
    const payload = Buffer.from(String(position)).toString('base64url');
    return `${payload}.${this.#mac(token, payload)}`;
  }

  /** The position a cursor continues after, or a 400 if not ours. */
  read(token: string, cursor: string): number {
    const [payload = '', mac = '', ...rest] = cursor.split('.');
    const expected = Buffer.from(this.#mac(token, payload));
    const given = Buffer.from(mac);
    const signed =
      rest.length === 0 &&
      given.length === expected.length &&
      timingSafeEqual(given, expected);
    const text = Buffer.from(payload, 'base64url').toString();
    if (!signed || !/^\d{1,15}$/.test(text)) throw badCursor();
    return Number(text);
  }

  #mac(token: string, payload: string) {
    const hmac = createHmac('sha256', this.#key);
    return hmac.update(`${token}\n${payload}`).digest('base64url');
  }
}
// #endregion cursor

function badCursor() {
  return new Problem(
    'bad-cursor',
    'This cursor was not issued to this token by this server: it is ' +
      'malformed, altered, or older than the server. Follow the ' +
      'Link rel="next" of the page you have, or start again from ' +
      'GET /api/notes.',
  );
}
