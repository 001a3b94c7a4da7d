// A layered system: a caching layer in front of the notes origin. To
// its clients it is an HTTP server at /api/cached/notes; to the origin
// it is one more client, calling /api/notes with fetch. Neither side
// sees past it, which is what lets a layer be added or removed without
// changing either side. It says what it did in an `X-Cache` header:
//
//   hit          a fresh stored copy; the origin was not asked
//   revalidated  a stale copy, which the origin confirmed with a 304
//   miss         the origin sent the whole representation
//   pass         not a read it may answer: sent on to the origin
//
// A client's own `Cache-Control: no-cache` does not force a trip to
// the origin. RFC 9111 words it as a preference, and like most CDNs
// this layer shields its origin instead (browsers send that header
// with every fetch made with `cache: 'no-store'`).

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CacheStore,
  type Entry,
  isFresh,
  type ResponseStore,
  renewed,
  storableFor,
  varyOf,
} from './cache-store.ts';
import { evaluatePreconditions } from './conditional.ts';
import {
  forward,
  forwardable,
  headersFrom,
  relay,
  via,
} from './intermediary.ts';
import { Problem, sendProblem } from './problem.ts';
import { readBody } from './request-body.ts';
import { parseTarget } from './resource-path.ts';

/** The methods the layer passes on to the origin. */
const PASSED = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** What the layer did with a request, as X-Cache says. */
export type Outcome = 'hit' | 'revalidated' | 'miss' | 'pass';

/** What the layer needs from the playground. */
export interface CacheLayerOptions {
  /** The origin's base URL, e.g. http://127.0.0.1:8080 */
  originOf(req: IncomingMessage): string;
  /** The most its stored responses may take, in bytes. */
  maxBytes: number;
  maxBodyBytes: number;
  maxUrlBytes: number;
  /**
   * Where responses are kept: this process's memory, in a CacheStore
   * of `maxBytes`, unless another is given.
   */
  store?: ResponseStore;
  /** How long the origin has to answer; 10 s by default. */
  originTimeoutMs?: number;
  now?: () => number;
}

/** The layer's request handler, and how much it stores. */
export function createCacheLayer(options: CacheLayerOptions) {
  const store = options.store ?? new CacheStore(options.maxBytes);
  const now = options.now ?? Date.now;
  const timeoutMs = options.originTimeoutMs ?? 10_000;

  // #region handle
  /** Answers a request; resolves to what it did, as X-Cache says. */
  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<Outcome | undefined> {
    try {
      const url = req.url ?? '';
      const base = '/api/cached/notes';
      const { id } = parseTarget(url, base, options.maxUrlBytes);
      // The query goes on with the path, and keys what is stored: it
      // names a page of the list (docs/rest/pagination).
      const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      const resource = id === undefined ? '/api/notes' : `/api/notes/${id}`;
      const path = resource + query;
      // Only plain reads come from the store; If-Match on a read is a
      // question only the origin can answer.
      const read =
        (req.method === 'GET' || req.method === 'HEAD') &&
        req.headers['if-match'] === undefined;
      return read ? await lookup(req, res, path) : await pass(req, res, path);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      sendProblem(res, error);
      return undefined;
    }
  }
  // #endregion handle

  // #region lookup
  /** A read: from the store while fresh, else through the origin. */
  async function lookup(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<Outcome> {
    const header = (name: string) => req.headers[name] as string;
    const stored = await store.get(path, header);
    if (stored && isFresh(stored, now())) {
      return answer(req, res, stored, 'hit');
    }
    const headers = headersFrom(req, ['accept', 'authorization', 'via']);
    // A stale copy is not thrown away: its ETag asks the origin
    // whether it still holds, and a 304 costs no body.
    if (stored) headers.set('if-none-match', stored.etag);
    const base = options.originOf(req);
    const { response, body } = await forward({
      base,
      path,
      method: 'GET',
      headers,
      timeoutMs,
    });
    if (stored && response.status === 304) {
      const fields = forwardable(response.headers);
      const entry = renewed(stored, fields, now());
      await store.put(path, varyOf(entry.headers['vary']), header, entry);
      return answer(req, res, entry, 'revalidated');
    }
    const lifetime =
      response.status === 200
        ? storableFor(response.headers, 'authorization' in req.headers)
        : null;
    if (lifetime === null) {
      relay(res, response, body, { 'x-cache': 'miss' });
      return 'miss';
    }
    const entry: Entry = {
      headers: forwardable(response.headers),
      body,
      etag: response.headers.get('etag')!,
      storedAt: now(),
      lifetime,
    };
    const vary = varyOf(response.headers.get('vary'));
    await store.put(path, vary, header, entry);
    return answer(req, res, entry, 'miss');
  }
  // #endregion lookup

  // #region answer
  /** Answers from an entry, with a 304 if the client has it already. */
  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    entry: Entry,
    outcome: Outcome,
  ): Outcome {
    const age = Math.floor((now() - entry.storedAt) / 1000);
    const mine = {
      age: String(age),
      via: via(entry.headers['via']),
      'x-cache': outcome,
    };
    const verdict = evaluatePreconditions('GET', req.headers, [entry.etag]);
    if (verdict === 'not-modified') {
      // A 304 carries the validators and caching headers, no body.
      const kept = ['etag', 'vary', 'cache-control'].flatMap((name) => {
        const value = entry.headers[name];
        return value === undefined ? [] : [[name, value]];
      });
      res.writeHead(304, { ...Object.fromEntries(kept), ...mine });
      res.end();
    } else {
      const length = entry.body.byteLength;
      res.writeHead(200, {
        ...entry.headers,
        ...mine,
        'content-length': length,
      });
      res.end(entry.body);
    }
    return outcome;
  }
  // #endregion answer

  // #region pass
  /** Anything else goes to the origin; a write invalidates. */
  async function pass(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<Outcome> {
    const method = req.method ?? 'GET';
    // fetch() cannot send TRACE, TRACK or CONNECT, and the notes
    // allow none of them: the layer says so itself.
    if (!PASSED.includes(method)) {
      throw new Problem(
        'method-not-allowed',
        `${method} is not allowed here; the layer passes on ` +
          `${PASSED.join(', ')}.`,
        { headers: { allow: PASSED.join(', ') } },
      );
    }
    const headers = headersFrom(req, [
      'accept',
      'authorization',
      'content-type',
      'idempotency-key',
      'if-match',
      'if-modified-since',
      'if-none-match',
      'if-unmodified-since',
      'via',
    ]);
    // Like any proxy, the layer has its own body limit: it will not
    // hold more for the origin than the origin would take. A body on
    // GET or HEAD means nothing (and fetch() refuses one): dropped.
    const hasBody =
      !['GET', 'HEAD'].includes(method) &&
      ('content-length' in req.headers || 'transfer-encoding' in req.headers);
    const body = hasBody
      ? await readBody(req, options.maxBodyBytes)
      : undefined;
    const base = options.originOf(req);
    const { response, body: reply } = await forward({
      base,
      path,
      method,
      headers,
      body,
      timeoutMs,
    });
    await invalidateAfter(method, path, response);
    relay(res, response, reply, { 'x-cache': 'pass' });
    return 'pass';
  }
  // #endregion pass

  // #region invalidate
  /**
   * RFC 9111, 4.4: a cache must invalidate the target of an unsafe
   * request that succeeded; it may invalidate where Location points.
   */
  async function invalidateAfter(
    method: string,
    path: string,
    response: Response,
  ) {
    const safe = ['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (!safe && response.status < 400) {
      await store.invalidate(path);
      const location = response.headers.get('location');
      if (location) {
        await store.invalidate(new URL(location, response.url).pathname);
      }
    }
  }
  // #endregion invalidate

  return {
    handle,
    /** How many bytes the stored responses take. */
    get storedBytes() {
      return store.bytes;
    },
  };
}
