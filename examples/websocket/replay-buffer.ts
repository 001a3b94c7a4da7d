// The last few hundred messages a server sent, by number, so that a
// reader who lost its connection can ask for what it missed.
//
// Every message in the stream gets the next number, `seq`, from 1. A
// reader remembers the last seq it got; reconnecting with it
// (`?since=SEQ`) it is sent every kept message after it, and then the
// live stream, with no message twice and none left out. The buffer is
// bounded: when what the reader missed is older than the oldest kept
// message, it is told so (a gap) and gets what is kept, so it knows
// to fetch the rest another way. A since the stream never reached
// (numbering starts again at 1 when the server restarts) is a gap too.
//
// Nothing here does I/O; push-server.ts sends what it says.

// #region resume
/** What a reader resuming after `since` is sent before the live stream. */
export type Resume =
  | { kind: 'replay'; messages: string[] }
  | {
      kind: 'gap';
      /** expired: older than the buffer; unknown: never in this stream. */
      reason: 'expired' | 'unknown';
      /** The seq of the first message the reader gets from here. */
      resume: number;
      messages: string[];
    };
// #endregion resume

/** A ring of the last `capacity` messages of a numbered stream. */
export class ReplayBuffer {
  readonly #capacity: number;
  readonly #ring: string[] = [];
  #latest = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The seq of the last message appended; 0 before the first. */
  get latest() {
    return this.#latest;
  }

  /** The seq of the oldest message kept (latest + 1 when none is). */
  get oldest() {
    return this.#latest - Math.min(this.#latest, this.#capacity) + 1;
  }

  // #region append
  /** Numbers a message with the next seq, keeps it, and returns it. */
  append(message: (seq: number) => string): string {
    const seq = ++this.#latest;
    const text = message(seq);
    if (this.#capacity > 0) this.#ring[seq % this.#capacity] = text;
    return text;
  }

  /** What a reader whose last message was `since` is owed. */
  after(since: number): Resume {
    if (since > this.#latest) {
      return {
        kind: 'gap',
        reason: 'unknown',
        resume: this.#latest + 1,
        messages: [],
      };
    }
    const from = Math.max(since + 1, this.oldest);
    const messages: string[] = [];
    for (let seq = from; seq <= this.#latest; seq++) {
      messages.push(this.#ring[seq % this.#capacity]!);
    }
    if (from === since + 1) return { kind: 'replay', messages };
    return { kind: 'gap', reason: 'expired', resume: from, messages };
  }
  // #endregion append
}
