// The verbs: GET reads, PUT creates or replaces at a URI the client
// names, POST adds to a collection at a URI the server names, PATCH
// changes part of a note, DELETE removes it. PUT and DELETE are
// idempotent: doing one twice leaves the same state as doing it once,
// so a client may safely retry it. POST is not: twice makes two.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

// #region run
/** PUT twice, POST twice, PATCH, DELETE twice, and what remains. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  const note = { title: 'Groceries', body: 'Milk, eggs.' };
  const count = async (after: string) => {
    const list = await request('GET', '/api/notes');
    const { notes } = JSON.parse(list.text) as { notes: unknown[] };
    const n = notes.length;
    io.log(`after ${after}: ${n} ${n === 1 ? 'note' : 'notes'}`);
  };

  // PUT twice: 201 Created, then 200 OK, and still one note.
  await request('PUT', '/api/notes/groceries', { json: note });
  await request('PUT', '/api/notes/groceries', { json: note });
  await count('PUT twice');

  // POST twice: two new notes, at two new URIs.
  for (let i = 0; i < 2; i++) {
    const show = ['location'];
    await request('POST', '/api/notes', { json: note, show });
  }
  await count('POST twice');

  // PATCH sends only what changes, as a JSON merge patch; OPTIONS
  // says which methods the note allows, and which patch formats.
  const change = JSON.stringify({ body: 'Milk, eggs, bread.' });
  const show = ['allow', 'accept-patch'];
  await request('OPTIONS', '/api/notes/groceries', { show });
  await request('PATCH', '/api/notes/groceries', {
    body: change,
    type: 'application/json',
    show,
  });
  await request('PATCH', '/api/notes/groceries', {
    body: change,
    type: 'application/merge-patch+json',
  });

  // DELETE twice: the note is gone after both; the second says 404.
  await request('DELETE', '/api/notes/1');
  await request('DELETE', '/api/notes/1');
  const list = await request('GET', '/api/notes');
  const { notes } = JSON.parse(list.text) as { notes: object[] };
  io.show('table', notes);
}
// #endregion run
