// The REST part's endpoints (docs/rest/): the notes resource at
// /api/notes, the same notes requiring If-Match on every change at
// /api/strict/notes, the caching layer in front of them at
// /api/cached/notes, that layer's counters at /api/cached/stats, and
// the API's OpenAPI description at /api/openapi.json.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { allowMethods, sendJson } from '../../examples/http-reply.ts';
import { bearerToken } from '../../examples/rest/bearer-token.ts';
import { createCacheLayer, type Outcome } from '../../examples/rest/cache-layer.ts';
import { Cursors } from '../../examples/rest/cursor.ts';
import { IdempotencyKeys } from '../../examples/rest/idempotency.ts';
import { NoteStore } from '../../examples/rest/note-store.ts';
import { createNotesHandler, type NotesOptions } from '../../examples/rest/notes.ts';
import { OPENAPI } from '../../examples/rest/openapi.ts';
import { Problem, sendProblem } from '../../examples/rest/problem.ts';
import { RateLimits } from '../../examples/rest/rate-limit.ts';
import type { Config } from '../config.ts';
import { guarded } from '../guarded.ts';
import type { Mount } from '../mount.ts';
import { RedisUnavailable, type SharedRedis } from '../shared-redis.ts';
import { RedisCacheStore } from '../state/cache-redis.ts';
import { sharedCursorKey } from '../state/cursor-key-redis.ts';
import { RedisIdempotencyKeys } from '../state/idempotency-redis.ts';
import { RedisLayerCounts } from '../state/layer-counts-redis.ts';
import { RedisNoteStore } from '../state/notes-redis.ts';
import { RedisRateLimits } from '../state/rate-limit-redis.ts';

/** /api/notes and /api/cached/, from examples/rest/. */
export function restMount(config: Config, redis: SharedRedis | null = null): Mount {
  const storeLimits = {
    maxTokens: config.restMaxTokens,
    maxNotesPerToken: config.restMaxNotesPerToken,
  };
  const ratePolicy = {
    perMinute: config.restRatePerMinute,
    burst: config.restRateBurst,
    maxTokens: config.restMaxTokens,
  };
  const keyLimits = {
    maxKeys: config.restIdempotencyKeys,
    ttlMs: config.restIdempotencyTtlMs,
    maxTokens: config.restMaxTokens,
  };
  // With REDIS_URL, what a visitor's requests leave behind is kept in
  // Redis, for every instance to see (README, Deployment).
  const store = redis ? new RedisNoteStore(redis, storeLimits) : new NoteStore(storeLimits);
  const limits = {
    maxBodyBytes: config.restMaxBodyBytes,
    maxUrlBytes: config.restMaxUrlBytes,
  };
  const notesOptions = {
    store,
    ...limits,
    pageSizes: { defaultLimit: config.restPageDefault, maxLimit: config.restPageMax },
    rateLimits: redis ? new RedisRateLimits(redis, ratePolicy) : new RateLimits(ratePolicy),
    keys: redis ? new RedisIdempotencyKeys(redis, keyLimits) : new IdempotencyKeys(keyLimits),
  };
  // Without Redis a key of this process's own: its cursors die with it.
  // With Redis the deployment's one key, asked of Redis by every request
  // (one round trip): if Redis loses it, the first instance to ask
  // stores a new one and every instance follows, instead of each going
  // on with a key of its own. OPTIONS asks about the resource, not
  // anyone's notes: it needs no key, nor Redis.
  const local = notesHandlersFor({ ...notesOptions, cursors: new Cursors() });
  let shared: { key: Buffer; handlers: NotesHandlers } | undefined;
  const notesHandlers = async (req: IncomingMessage) => {
    if (!redis || req.method === 'OPTIONS') return local;
    const key = await sharedCursorKey(redis);
    if (!shared?.key.equals(key)) {
      shared = { key, handlers: notesHandlersFor({ ...notesOptions, cursors: new Cursors(key) }) };
    }
    return shared.handlers;
  };
  const layer = createCacheLayer({
    ...limits,
    maxBytes: config.restCacheMaxBytes,
    ...(redis ? { store: new RedisCacheStore(redis, config.restCacheMaxBytes) } : {}),
    // The layer reaches the origin over HTTP, at the address this
    // request came in on: the same server, one hop further in.
    originOf: (req) => {
      const { localAddress = '127.0.0.1', localPort } = req.socket;
      const host = localAddress.includes(':') ? `[${localAddress}]` : localAddress;
      return `http://${host}:${localPort}`;
    },
  });
  const counters = new LayerCounters(
    redis
      ? new RedisLayerCounts(redis, config.restMaxTokens)
      : new MemoryLayerCounts(config.restMaxTokens),
  );
  return {
    name: 'rest',
    http: {
      '/api/': guarded(async (req, res) => (await notesHandlers(req)).notes(req, res)),
      '/api/strict/': guarded(async (req, res) => (await notesHandlers(req)).strictNotes(req, res)),
      '/api/cached/': guarded(async (req, res) => {
        const outcome = await layer.handle(req, res);
        // The answer is out: a count Redis could not take is lost, not a bug.
        await counters.add(req, outcome).catch((error: unknown) => {
          if (!(error instanceof RedisUnavailable)) throw error;
        });
      }),
      '/api/cached/stats': guarded(async (req, res) => {
        await counters.send(req, res);
      }),
      '/api/openapi.json': (req, res) => {
        if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
        // Changes only with a new release of the server.
        sendJson(res, 200, OPENAPI, { 'cache-control': 'public, max-age=300' });
      },
    },
  };
}

type NotesHandlers = ReturnType<typeof notesHandlersFor>;

/** The notes at /api/notes, and the same notes at /api/strict/notes. */
function notesHandlersFor(options: NotesOptions) {
  return {
    notes: createNotesHandler(options),
    // The same notes, for an API that refuses a write without If-Match
    // (428, docs/rest/conditional-requests).
    strictNotes: createNotesHandler({
      ...options,
      base: '/api/strict/notes',
      requirePreconditions: true,
    }),
  };
}

/** Counts of each outcome per token, wherever they are kept. */
interface LayerCounts {
  add(token: string, outcome: Outcome): void | Promise<void>;
  of(token: string): Record<Outcome, number> | Promise<Record<Outcome, number>>;
}

/**
 * What the caching layer did for each token (the X-Cache of each of
 * its answers): GET /api/cached/stats shows a reader how many
 * requests the layer answered itself and how many reached the origin.
 */
class LayerCounters {
  readonly #counts: LayerCounts;

  constructor(counts: LayerCounts) {
    this.#counts = counts;
  }

  async add(req: IncomingMessage, outcome: Outcome | undefined) {
    const token = tokenOf(req);
    if (outcome === undefined || token === undefined) return;
    await this.#counts.add(token, outcome);
  }

  async send(req: IncomingMessage, res: ServerResponse) {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new Problem(
          'method-not-allowed',
          `${req.method} is not allowed here; the counters only answer GET and HEAD.`,
          { headers: { allow: 'GET, HEAD' } },
        );
      }
      const counts = await this.#counts.of(bearerToken(req.headers.authorization));
      const reachedOrigin = counts.miss + counts.revalidated + counts.pass;
      sendJson(res, 200, { ...counts, reachedOrigin });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      sendProblem(res, error);
    }
  }
}

/** The counts in this process: the least recently used token's go first. */
class MemoryLayerCounts implements LayerCounts {
  readonly #counts: LRUCache<string, Record<Outcome, number>>;

  constructor(maxTokens: number) {
    this.#counts = new LRUCache({ max: maxTokens });
  }

  add(token: string, outcome: Outcome) {
    const counts = this.of(token);
    counts[outcome]++;
    this.#counts.set(token, counts);
  }

  of(token: string): Record<Outcome, number> {
    return this.#counts.get(token) ?? { hit: 0, revalidated: 0, miss: 0, pass: 0 };
  }
}

function tokenOf(req: IncomingMessage) {
  try {
    return bearerToken(req.headers.authorization);
  } catch {
    return undefined;
  }
}
