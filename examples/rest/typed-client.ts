// A client written against types generated from the API's description
// (notes-api.d.ts, made by openapi-typescript from openapi.ts), not
// against the server's code. Each call's answer is a union by status:
// the compiler knows a 200 of GET /api/notes/{id} carries a Note and a
// 404 a problem, and makes the caller look at the status before the
// body. Change the description and the types change with it; code
// that reads a member the schema no longer has stops compiling.

import type { DemoIO } from '../demo-io.ts';
import { newToken } from './client.ts';
import type { components, paths } from './notes-api.d.ts';

// #region types
/** A note and a note's fields, as the description's schemas say. */
type Note = components['schemas']['Note'];
type NoteFields = components['schemas']['NoteFields'];

/** The JSON body a response of the description carries, if any. */
type BodyOf<R> = R extends { content: { 'application/json': infer B } }
  ? B
  : R extends { content: { 'application/problem+json': infer P } }
    ? P
    : undefined;

/** What an operation answers: one member per documented status. */
type Answer<Op extends { responses: object }> = {
  [S in keyof Op['responses']]: {
    status: S;
    body: BodyOf<Op['responses'][S]>;
  };
}[keyof Op['responses']];
// #endregion types

type CreateNote = paths['/api/notes']['post'];
type ReadNote = paths['/api/notes/{id}']['get'];

// #region call
/**
 * Sends one request and types its answer as `Op`'s. The one unchecked
 * step is here: the body is trusted to match its schema, which the
 * notes tests check for every answer the server gives them.
 */
async function call<Op extends { responses: object }>(
  io: DemoIO,
  token: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<Answer<Op>> {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(io.url(path), {
    method,
    headers,
    body: json === undefined ? null : JSON.stringify(json),
    signal: io.signal,
    cache: 'no-store',
  });
  const text = await response.text();
  const body = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, body } as Answer<Op>;
}
// #endregion call

// #region run
/** Creates a note, reads it back, and reads one that is not there. */
export async function run(io: DemoIO): Promise<void> {
  const token = newToken();
  const fields: NoteFields = { title: 'Milk', body: 'Two litres.' };
  const created = await call<CreateNote>(
    io,
    token,
    'POST',
    '/api/notes',
    fields,
  );
  // Before this check, created.body is a Note, a problem, or the
  // {error} of a 503 (the shared state out of reach).
  if (created.status !== 201) {
    const body = created.body;
    const why = 'detail' in body ? body.detail : body.error;
    return io.log(`refused: ${created.status} ${why}`);
  }
  const note: Note = created.body;
  io.log(`created note ${note.id}: ${note.title}`);

  for (const id of [note.id, 'nothing-here']) {
    const read = await call<ReadNote>(io, token, 'GET', `/api/notes/${id}`);
    if (read.status === 200) {
      io.log(`${read.status}: ${read.body.title}, "${read.body.body}"`);
    } else if (read.status === 404) {
      io.log(`${read.status}: ${read.body.title} (${read.body.type})`);
    } else {
      io.log(`${read.status}: not expected here`);
    }
  }
}
// #endregion run
