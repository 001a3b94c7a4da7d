// Admission by count: what each key (a client address) holds open
// now, up to a cap per key and, optionally, one in all. The WebSocket
// cap (WS_MAX_PER_CLIENT) counts upgraded sockets with it; the run
// endpoint (RUN_MAX_PER_CLIENT, RUN_MAX_TOTAL) counts demos running.

/** Which cap a new holder would go over. */
export type AdmissionRefusal = 'per-key' | 'total';

/** Counts holders per key; refuses one more over either cap. */
export class Admission {
  readonly perKey: number;
  readonly total: number;
  readonly #held = new Map<string, number>();
  #all = 0;

  /** `total` defaults to no cap in all. */
  constructor(caps: { perKey: number; total?: number }) {
    this.perKey = caps.perKey;
    this.total = caps.total ?? Number.POSITIVE_INFINITY;
  }

  /** Which cap `key` would go over with one more, if any. */
  refusal(key: string): AdmissionRefusal | undefined {
    if (this.heldBy(key) >= this.perKey) return 'per-key';
    if (this.#all >= this.total) return 'total';
    return undefined;
  }

  /**
   * Counts one more for `key`, whatever the caps (ask refusal()
   * first); returns the function that gives it back, once.
   */
  take(key: string): () => void {
    this.#held.set(key, this.heldBy(key) + 1);
    this.#all++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.#all--;
      const left = this.heldBy(key) - 1;
      if (left > 0) this.#held.set(key, left);
      else this.#held.delete(key);
    };
  }

  /** What `key` holds now. */
  heldBy(key: string) {
    return this.#held.get(key) ?? 0;
  }

  /** Each key that holds something, and what it holds. */
  entries(): IterableIterator<[string, number]> {
    return this.#held.entries();
  }

  /** What every key holds now, together. */
  get held() {
    return this.#all;
  }
}
