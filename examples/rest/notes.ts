// The notes resource: a collection at /api/notes and a note at
// /api/notes/{id}, on node:http, so that every step of answering a
// request is in view. Each step is a small idea in a file of its own;
// this file runs them in order:
//
//   which resource the URI names   resource-path.ts   400 404 414
//   which methods it allows        (below)            405
//   whose notes: the bearer token  bearer-token.ts    401
//   which representation to send   representations.ts 406
//   whether the body is a note     request-body.ts    413 415 400
//                                  note-fields.ts     422
//   whether preconditions hold     conditional.ts     304 412
//   whether there is room          note-store.ts      409
//
// Every refusal is thrown as a Problem and written in one place.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from './bearer-token.ts';
import { checkPreconditions, entityTag } from './conditional.ts';
import { mergePatch, toNoteFields } from './note-fields.ts';
import type { NoteStore } from './note-store.ts';
import { Problem, sendProblem } from './problem.ts';
import {
  chooseType,
  MEDIA_TYPES,
  type MediaType,
  type Note,
  renderNote,
  renderNotes,
} from './representations.ts';
import { checkContentType, parseJson, readBody } from './request-body.ts';
import { parseTarget } from './resource-path.ts';

/** What the handler needs from the playground. */
export interface NotesOptions {
  store: NoteStore;
  maxBodyBytes: number;
  maxUrlBytes: number;
}

// #region policy
/** The methods each resource allows, for 405 and Allow. */
const ALLOWED = {
  collection: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  note: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
};

/**
 * How caches may keep what GET returns (docs/rest/layers): browsers
 * check back every time; a shared cache may reuse a note for 60 s,
 * and checks back every time for the list, which changes more often.
 */
export const CACHE_CONTROL = {
  collection: 'public, no-cache',
  note: 'max-age=0, s-maxage=60',
};
// #endregion policy

/** The one patch format the notes take (RFC 7396). */
const MERGE_PATCH = 'application/merge-patch+json';

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

// #region respond
async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  { store, maxBodyBytes, maxUrlBytes }: NotesOptions,
) {
  const { id } = parseTarget(req.url ?? '', '/api/notes', maxUrlBytes);
  const method = req.method ?? '';
  const allow = ALLOWED[id === undefined ? 'collection' : 'note'];
  if (!allow.includes(method)) {
    throw new Problem(
      'method-not-allowed',
      `${method} is not allowed here; this resource allows ` +
        `${allow.join(', ')}.`,
      { headers: { allow: allow.join(', ') } },
    );
  }
  if (method === 'OPTIONS') {
    // Accept-Patch says PATCH is taken, and in which formats.
    const patch = id === undefined ? {} : { 'accept-patch': MERGE_PATCH };
    return send(res, 204, { allow: allow.join(', '), ...patch });
  }
  const notes = store.scope(bearerToken(req.headers.authorization));
  // Settled before any work: a 406 must not follow a change.
  const type =
    method === 'DELETE' ? 'application/json' : chooseType(req.headers.accept);
  const readJson = async (mediaType: string) => {
    const field = mediaType === MERGE_PATCH ? 'accept-patch' : 'accept';
    checkContentType(req.headers['content-type'], mediaType, field);
    return parseJson(await readBody(req, maxBodyBytes));
  };

  if (id === undefined && method === 'POST') {
    const note = notes.create(toNoteFields(await readJson('application/json')));
    // Relative to /api/notes, this names /api/notes/{id}.
    const location = `notes/${note.id}`;
    return write(res, 201, note, type, { location });
  }
  if (id === undefined) {
    const list = renderNotes(notes.list(), type);
    return read(req, res, list, type, 'collection');
  }
  const note = notes.get(id);
  if (method === 'PUT') {
    const fields = toNoteFields(await readJson('application/json'), id);
    checkPreconditions(method, req.headers, note ? tagsOf(note) : null);
    const created = notes.put(id, fields);
    return write(res, created ? 201 : 200, notes.get(id)!, type);
  }
  if (!note) {
    throw new Problem(
      'no-such-note',
      `This token has no note "${id}". Create it with PUT ` +
        `/api/notes/${id}, or GET /api/notes to list the notes it has.`,
    );
  }
  if (method === 'PATCH') {
    const patch = await readJson(MERGE_PATCH);
    const fields = toNoteFields(mergePatch(note, patch), id);
    checkPreconditions(method, req.headers, tagsOf(note));
    notes.put(id, fields);
    return write(res, 200, notes.get(id)!, type);
  }
  if (method === 'DELETE') {
    checkPreconditions(method, req.headers, tagsOf(note));
    notes.delete(id);
    return send(res, 204, {});
  }
  return read(req, res, renderNote(note, type), type, 'note');
}
// #endregion respond

// #region read
/** GET and HEAD: a representation, or 304 if the client has it. */
function read(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  type: MediaType,
  kind: 'collection' | 'note',
) {
  const etag = entityTag(body);
  const headers = {
    etag,
    vary: 'accept, authorization',
    'cache-control': CACHE_CONTROL[kind],
  };
  const verdict = checkPreconditions(req.method!, req.headers, [etag]);
  if (verdict === 'not-modified') return send(res, 304, headers);
  send(res, 200, headers, body, type);
}
// #endregion read

// #region write
/** The note as it now is, with the ETag a later If-Match can name. */
function write(
  res: ServerResponse,
  status: number,
  note: Note,
  type: MediaType,
  headers: Record<string, string> = {},
) {
  const body = renderNote(note, type);
  send(res, status, { ...headers, etag: entityTag(body) }, body, type);
}

/**
 * The tags a write's If-Match may name: a client may have read the
 * note in any of its representations, and each names this state.
 */
function tagsOf(note: Note) {
  return MEDIA_TYPES.map((type) => entityTag(renderNote(note, type)));
}
// #endregion write

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string,
  type?: MediaType,
) {
  const more: Record<string, string | number> = {
    'x-content-type-options': 'nosniff',
  };
  if (type) {
    more['content-type'] =
      type === 'application/json' ? type : `${type}; charset=utf-8`;
  }
  // HTML made from readers' notes may never run a script.
  if (type === 'text/html') {
    more['content-security-policy'] = "default-src 'none'";
  }
  if (body !== undefined) {
    more['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, { ...headers, ...more });
  res.end(body);
}
