// The notes resource: a collection at /api/notes and a note at
// /api/notes/{id}, on node:http, so that every step of answering a
// request is in view. Each step is a small idea in a file of its own;
// `respond` runs them in order, and one function a method does the
// work:
//
//   which resource the URI names   resource-path.ts   400 404 414
//   which methods it allows        (below)            405
//   whose notes: the bearer token  bearer-token.ts    401
//   whether it is asking too fast  rate-limit.ts      429
//   which representation to send   representations.ts 406
//   whether the body can be read   request-body.ts    415 413
//   whether preconditions hold     conditional.ts     304 412 428
//   whether the body is a note     request-body.ts    400
//                                  note-fields.ts     422
//   whether there is room          note-store.ts      409
//   which page of the list         pagination.ts      400
//   whether a POST is a retry      idempotency.ts     400 409 422
//
// Every refusal is thrown as a Problem and written in one place.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from './bearer-token.ts';
import {
  checkPreconditions,
  entityTag,
  requirePrecondition,
} from './conditional.ts';
import type { Cursors } from './cursor.ts';
import { formatHttpDate } from './http-date.ts';
import {
  type Answer,
  fingerprint,
  idempotencyKey,
  type KeyStore,
  keyReused,
} from './idempotency.ts';
import { mergePatch, toNoteFields } from './note-fields.ts';
import type { Notes, Store } from './note-store.ts';
import { listPage, type PageSizes } from './pagination.ts';
import { Problem, sendProblem } from './problem.ts';
import type { RateLimiter } from './rate-limit.ts';
import {
  chooseType,
  MEDIA_TYPES,
  type MediaType,
  type Note,
  renderNote,
  renderNotes,
} from './representations.ts';
import {
  checkContentType,
  checkDeclaredLength,
  parseJson,
  readBody,
} from './request-body.ts';
import { parseTarget } from './resource-path.ts';

/** What the handler needs from the playground. */
export interface NotesOptions {
  store: Store;
  maxBodyBytes: number;
  maxUrlBytes: number;
  /** How many notes a page of the list holds. */
  pageSizes: PageSizes;
  /** Issues and checks this process's pagination cursors. */
  cursors: Cursors;
  /** Requests a token may make; no limit without it. */
  rateLimits?: RateLimiter;
  /** What each Idempotency-Key of each token was answered. */
  keys: KeyStore;
  /** Where the collection is; /api/notes unless another is given. */
  base?: string;
  /**
   * Refuse a PUT, PATCH or DELETE that does not say which version it
   * changes, with 428 (docs/rest/conditional-requests).
   */
  requirePreconditions?: boolean;
}

/** The two kinds of resource: the collection, and one note. */
type Kind = 'collection' | 'note';

// #region methods
/** The methods each resource allows, for 405 and Allow. */
const ALLOWED = {
  collection: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  note: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
};

/** The one patch format a note takes (RFC 7396). */
const MERGE_PATCH = 'application/merge-patch+json';

/** A method the resource does not have: 405, with Allow. */
function checkMethod(method: string, kind: Kind) {
  const allow = ALLOWED[kind].join(', ');
  if (ALLOWED[kind].includes(method)) return;
  throw new Problem(
    'method-not-allowed',
    `${method} is not allowed here; this resource allows ${allow}.`,
    { headers: { allow } },
  );
}

/** OPTIONS: the methods, and the patch formats where PATCH is one. */
function sendOptions(res: ServerResponse, kind: Kind) {
  const allow = ALLOWED[kind].join(', ');
  const patch = kind === 'note' ? { 'accept-patch': MERGE_PATCH } : {};
  send(res, 204, { allow, ...patch });
}
// #endregion methods

// #region caching
/**
 * How caches may keep what GET returns (docs/rest/layers): browsers
 * check back every time; a shared cache may reuse a note for 60 s,
 * and checks back every time for the list, which changes more often.
 */
export const CACHE_CONTROL = {
  collection: 'public, no-cache',
  note: 'max-age=0, s-maxage=60',
};
// #endregion caching

/** Answers one request; the promise rejects only on a bug. */
export function createNotesHandler(options: NotesOptions) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      await respond(req, res, options);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      sendProblem(res, error);
    }
  };
}

/** One request, with what every method's function needs. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  token: string;
  notes: Notes;
  type: MediaType;
  options: NotesOptions;
}

// #region respond
async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  options: NotesOptions,
) {
  const url = req.url ?? '';
  const base = options.base ?? '/api/notes';
  const { id } = parseTarget(url, base, options.maxUrlBytes);
  const kind = id === undefined ? 'collection' : 'note';
  const method = req.method ?? '';
  checkMethod(method, kind);
  if (method === 'OPTIONS') return sendOptions(res, kind);
  const token = bearerToken(req.headers.authorization);
  await options.rateLimits?.admit(token, res);
  const notes = await options.store.scope(token);
  // Settled before any work: a 406 must not follow a change.
  const type =
    method === 'DELETE' ? 'application/json' : chooseType(req.headers.accept);
  const exchange = { req, res, token, notes, type, options };
  if (id === undefined) {
    return method === 'POST' ? create(exchange) : list(exchange);
  }
  if (method === 'PUT') return replace(exchange, id);
  const note = (await notes.get(id)) ?? noSuchNote(id);
  if (method === 'PATCH') return patch(exchange, id);
  if (method === 'DELETE') return remove(exchange, id);
  const modifiedAt = await notes.modifiedAt(id);
  return read(exchange, renderNote(note, type), 'note', modifiedAt);
}
// #endregion respond

// #region read
/** GET and HEAD: a representation, or 304 if the client has it. */
function read(
  { req, res, type }: Exchange,
  body: string,
  kind: Kind,
  lastModified?: number,
  more: Record<string, string> = {},
) {
  const etag = entityTag(body);
  // Appended, not set: a layer in front may vary on more (CORS, Origin).
  res.appendHeader('vary', 'accept, authorization');
  const headers: Record<string, string> = {
    etag,
    'cache-control': CACHE_CONTROL[kind],
    ...more,
  };
  // A note knows when it last changed; the list does not say.
  if (lastModified !== undefined) {
    headers['last-modified'] = formatHttpDate(lastModified);
  }
  const { method, headers: asked } = req;
  const verdict = checkPreconditions(method!, asked, [etag], lastModified);
  if (verdict === 'not-modified') return send(res, 304, headers);
  send(res, 200, headers, body, type);
}

/** GET of the collection: one page, and a Link to the next. */
async function list(exchange: Exchange) {
  const { req, token, notes, type, options } = exchange;
  const page = await listPage(notes, queryOf(req), token, options);
  const body = renderNotes(page.notes, type);
  const link = page.link ? { link: page.link } : {};
  read(exchange, body, 'collection', undefined, link);
}
// #endregion read

// #region body
/**
 * A write's body, read only after everything that can be refused
 * without it: its type and declared size (415, 413), then the
 * preconditions (412), as RFC 9110 section 13.2.1 orders them. The
 * preconditions are asked again once the body is in, since other
 * requests may have changed the note while it was arriving.
 */
async function readWrite(
  { req, options: { maxBodyBytes } }: Exchange,
  mediaType: string,
  checkCurrent: () => Promise<void>,
) {
  const field = mediaType === MERGE_PATCH ? 'accept-patch' : 'accept';
  checkContentType(req.headers['content-type'], mediaType, field);
  checkDeclaredLength(req.headers['content-length'], maxBodyBytes);
  await checkCurrent();
  const body = await readBody(req, maxBodyBytes);
  await checkCurrent();
  return body;
}

/** Asks a write's preconditions of the note `id` as it is now. */
function preconditionsAt({ req, notes, options }: Exchange, id: string) {
  return async () => {
    if (options.requirePreconditions)
      requirePrecondition(req.method!, req.headers);
    const { method, headers } = req;
    checkPreconditions(
      method!,
      headers,
      await tagsAt(notes, id),
      await notes.modifiedAt(id),
    );
  };
}

/**
 * The tags a write's If-Match may name, or null when there is no note:
 * a client may have read the note in any of its representations, and
 * each names this state.
 */
async function tagsAt(notes: Notes, id: string) {
  const note = await notes.get(id);
  if (!note) return null;
  return MEDIA_TYPES.map((type) => entityTag(renderNote(note, type)));
}
// #endregion body

// #region create
/** POST: a new note, at a URI the server picks. */
async function create(exchange: Exchange) {
  const key = idempotencyKey(exchange.req.headers['idempotency-key']);
  if (key !== undefined) return createOnce(exchange, key);
  deliver(exchange, await store(exchange, await readCreate(exchange)));
}

/** A POST's body, once the collection's preconditions hold. */
function readCreate(exchange: Exchange) {
  const { req, notes } = exchange;
  const collectionTags = async () => {
    const list = await notes.list();
    return MEDIA_TYPES.map((t) => entityTag(renderNotes(list, t)));
  };
  return readWrite(exchange, 'application/json', async () => {
    checkPreconditions('POST', req.headers, await collectionTags());
  });
}

/** Stores the note a POST's body holds; its answer, not yet sent. */
async function store({ notes, type }: Exchange, body: Buffer) {
  const note = await notes.create(toNoteFields(parseJson(body)));
  // Relative to /api/notes, this names /api/notes/{id}.
  const location = `notes/${note.id}`;
  return noteAnswer(201, note, type, { location, tagged: true });
}
// #endregion create

// #region retry
/**
 * POST with an Idempotency-Key: a retry gets the first answer again,
 * and no second note. The key is claimed before the body is read, so
 * that two requests with it cannot both create.
 */
async function createOnce(exchange: Exchange, key: string) {
  const { req, res, token, options } = exchange;
  const claim = await options.keys.claim(token, key);
  try {
    if (claim.previous) {
      // Not asked its preconditions again: the first request's own
      // note has changed the list since.
      const body = await readBody(req, options.maxBodyBytes);
      const { fingerprint: first, answer } = claim.previous;
      if (fingerprint(body) !== first) throw keyReused();
      return send(res, answer.status, answer.headers, answer.body);
    }
    const body = await readCreate(exchange);
    const answer = await store(exchange, body);
    await claim.complete({ fingerprint: fingerprint(body), answer });
    deliver(exchange, answer);
  } finally {
    await claim.release();
  }
}
// #endregion retry

// #region lose
/**
 * Sends a POST's answer, unless the request asks for it to be lost:
 * `?lose-response=1` is a switch for docs/rest/retries, where the note
 * is stored and the client never hears. The connection stays open
 * until the client gives up; closing it instead would make a browser
 * resend the POST by itself, as Chromium does on a reused connection.
 */
function deliver({ req, res }: Exchange, answer: Answer) {
  if (!queryOf(req).has('lose-response')) {
    return send(res, answer.status, answer.headers, answer.body);
  }
  const timer = setTimeout(() => res.destroy(), LOST_ANSWER_MS);
  res.on('close', () => clearTimeout(timer));
}

/** How long a lost answer holds its connection at most. */
const LOST_ANSWER_MS = 30_000;
// #endregion lose

// #region replace
/** PUT: create or replace the note at this URI, 201 or 200. */
async function replace(exchange: Exchange, id: string) {
  const { notes, type } = exchange;
  const body = await readWrite(
    exchange,
    'application/json',
    preconditionsAt(exchange, id),
  );
  const fields = toNoteFields(parseJson(body), id);
  const created = await notes.put(id, fields);
  // No ETag: what is stored (with its id) is not the bytes that were
  // sent, and RFC 9110 (9.3.4) then forbids one. A GET has it.
  sendNote(exchange.res, created ? 201 : 200, { id, ...fields }, type);
}
// #endregion replace

// #region patch
/** PATCH: a merge patch applied to the note as it is now. */
async function patch(exchange: Exchange, id: string) {
  const { notes, type } = exchange;
  const change = parseJson(
    await readWrite(exchange, MERGE_PATCH, preconditionsAt(exchange, id)),
  );
  // Not the note as it was before the body came: it may have changed,
  // or gone, meanwhile.
  const note = (await notes.get(id)) ?? noSuchNote(id);
  const fields = toNoteFields(mergePatch(note, change), id);
  await notes.put(id, fields);
  sendNote(exchange.res, 200, { id, ...fields }, type, { tagged: true });
}
// #endregion patch

// #region remove
/** DELETE: no body to wait for, so one check is enough. */
async function remove(exchange: Exchange, id: string) {
  await preconditionsAt(exchange, id)();
  await exchange.notes.delete(id);
  send(exchange.res, 204, {});
}
// #endregion remove

// #region answer
/**
 * A write's answer: the note as it now is, and after POST or PATCH its
 * ETag, the validator of that new state (RFC 9110, 15.3.1 and 15.3.2).
 */
function noteAnswer(
  status: number,
  note: Note,
  type: MediaType,
  { location, tagged = false }: { location?: string; tagged?: boolean } = {},
): Answer {
  const body = renderNote(note, type);
  const headers: Record<string, string> = location ? { location } : {};
  if (tagged) headers['etag'] = entityTag(body);
  return { status, headers: { ...headers, ...typeHeaders(type) }, body };
}

function sendNote(
  res: ServerResponse,
  ...answer: Parameters<typeof noteAnswer>
) {
  const { status, headers, body } = noteAnswer(...answer);
  send(res, status, headers, body);
}
// #endregion answer

function noSuchNote(id: string): never {
  throw new Problem(
    'no-such-note',
    `This token has no note "${id}". Create it with PUT ` +
      `/api/notes/${id}, or GET /api/notes to list the notes it has.`,
  );
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string,
  type?: MediaType,
) {
  const more: Record<string, string | number> = typeHeaders(type);
  if (body !== undefined) {
    more['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, { ...headers, ...more });
  res.end(body);
}

/** The fields that say what a body is, and how it may be used. */
function typeHeaders(type?: MediaType) {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
  };
  if (type) {
    headers['content-type'] =
      type === 'application/json' ? type : `${type}; charset=utf-8`;
  }
  // HTML made from readers' notes may never run a script.
  if (type === 'text/html') {
    headers['content-security-policy'] = "default-src 'none'";
  }
  return headers;
}

/** The query of a request's target. */
function queryOf(req: IncomingMessage) {
  const url = req.url ?? '';
  const at = url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
}
