// What a shared cache may keep, for how long, and for whom (RFC 9111).
// The origin decides, in its response headers; the cache obeys:
//
// - `Cache-Control` says whether a response may be stored, and for
//   how many seconds it stays fresh: `s-maxage` for shared caches like
//   this one, else `max-age`; `no-cache` means "check back every time".
// - `Vary` names the request headers the response depended on. A note
//   varies on Accept (JSON is not HTML) and on Authorization (one
//   reader's note is not another's), so each combination is its own
//   entry, and a reader is never answered with another's note.
//
// The store is pure bookkeeping, bounded in bytes: the least recently
// used entries go first. The layer that uses it is cache-layer.ts.

/** A response kept by the cache. */
export interface Entry {
  /** The headers to answer with. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** Its validator, sent back to the origin to revalidate. */
  etag: string;
  /** When it was stored or last revalidated, in milliseconds. */
  storedAt: number;
  /** How long it stays fresh, in milliseconds; 0: revalidate always. */
  lifetime: number;
}

/** Reads a request header by its lower-case name. */
export type RequestHeader = (name: string) => string | undefined;

/** The entries of one path, and the headers that tell them apart. */
interface Variants {
  vary: string[];
  keys: Set<string>;
}

/** The directives of a Cache-Control value, e.g. s-maxage → "60". */
export function directives(value: string | undefined) {
  const found = new Map<string, string>();
  for (const part of (value ?? '').split(',')) {
    const [name = '', argument = ''] = part.split('=');
    if (name.trim()) {
      found.set(name.trim().toLowerCase(), argument.trim());
    }
  }
  return found;
}

// #region storable
/**
 * How long a shared cache may reuse a 200 response, in milliseconds,
 * or null if it must not store it at all.
 */
export function storableFor(
  headers: Headers,
  authorized: boolean,
): number | null {
  const cc = directives(headers.get('cache-control') ?? undefined);
  if (cc.has('no-store') || cc.has('private')) return null;
  if (!headers.get('etag') || headers.get('vary')?.includes('*')) {
    return null;
  }
  // A response to a request with credentials is the reader's own; a
  // shared cache keeps it only when the origin says it may (3.5).
  const explicit =
    cc.has('public') || cc.has('s-maxage') || cc.has('must-revalidate');
  if (authorized && !explicit) return null;
  if (cc.has('no-cache')) return 0;
  const seconds = Number(cc.get('s-maxage') ?? cc.get('max-age'));
  // Without a stated lifetime a cache may guess one (heuristic
  // freshness); this one does not guess, it revalidates.
  return Number.isInteger(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

// #endregion storable

// #region freshness
/** Whether an entry may be reused without asking the origin. */
export function isFresh(entry: Entry, now: number) {
  return now - entry.storedAt < entry.lifetime;
}

/**
 * An entry after the origin confirmed it with a 304: each field the
 * 304 carries replaces the stored one or is added (RFC 9111, 3.2;
 * `headers` come without the connection's own fields), and its age
 * starts again.
 */
export function renewed(
  entry: Entry,
  headers: Record<string, string>,
  now: number,
) {
  const merged = { ...entry.headers, ...headers };
  return {
    ...entry,
    headers: merged,
    storedAt: now,
    lifetime: storableFor(new Headers(merged), true) ?? 0,
  };
}

// #endregion freshness

/** The request headers a Vary value names, in lower case. */
export function varyOf(vary: string | null | undefined) {
  return (vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/** A value, or a promise of it. */
type Awaitable<T> = T | Promise<T>;

/**
 * What the layer asks of its store. Each answer may be a promise, for
 * a store in another process that every server shares (Redis, in the
 * playground); CacheStore, below, answers at once.
 */
export interface ResponseStore {
  get(path: string, header: RequestHeader): Awaitable<Entry | undefined>;
  put(
    path: string,
    vary: string[],
    header: RequestHeader,
    entry: Entry,
  ): Awaitable<void>;
  invalidate(path: string): Awaitable<void>;
  /** How many bytes the entries take. */
  readonly bytes: Awaitable<number>;
}

// #region store
/** Entries by path and varying headers, bounded in total bytes. */
export class CacheStore implements ResponseStore {
  // Least recently used first: a Map keeps insertion order.
  readonly #entries = new Map<string, Entry & { path: string }>();
  // The header names each path's responses vary on, and its keys.
  readonly #paths = new Map<string, Variants>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** The entry for this request, if one was stored. */
  get(path: string, header: RequestHeader): Entry | undefined {
    const known = this.#paths.get(path);
    if (!known) return undefined;
    const key = keyOf(path, known.vary, header);
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Stores `entry` for requests like this one. */
  put(path: string, vary: string[], header: RequestHeader, entry: Entry) {
    const known = this.#paths.get(path);
    // New Vary names make the old keys unreachable: drop them.
    if (known && known.vary.join() !== vary.join()) {
      this.invalidate(path);
    }
    const key = keyOf(path, vary, header);
    this.#remove(key);
    const size = sizeOf(key, entry);
    if (size > this.#maxBytes) return;
    this.#entries.set(key, { ...entry, path });
    const paths = this.#paths.get(path) ?? { vary, keys: new Set() };
    paths.keys.add(key);
    this.#paths.set(path, paths);
    this.#bytes += size;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest);
    }
  }

  /** Forgets every entry for `path`, whoever it was stored for. */
  invalidate(path: string) {
    for (const key of this.#paths.get(path)?.keys ?? []) {
      this.#remove(key);
    }
  }

  /** How many bytes the entries take. */
  get bytes() {
    return this.#bytes;
  }

  #remove(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(key, entry);
    const paths = this.#paths.get(entry.path);
    paths?.keys.delete(key);
    if (paths?.keys.size === 0) this.#paths.delete(entry.path);
  }
}
// #endregion store

/** The key of a request: its path and the values Vary names. */
export function keyOf(path: string, vary: string[], header: RequestHeader) {
  const values = vary.map((name) => header(name)?.trim() ?? '');
  return JSON.stringify([path, ...values]);
}

/** Roughly what an entry costs in memory, in bytes. */
export function sizeOf(key: string, entry: Entry) {
  const headers = Object.entries(entry.headers).join().length;
  return key.length + headers + entry.body.byteLength;
}
