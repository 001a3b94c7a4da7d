// Resources, named by URIs. The collection of notes is one resource,
// at /api/notes; each note is another, at /api/notes/{id}. A client
// does not build a new note's URI itself: the server names it, in the
// Location header of the 201 Created that answers a POST.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

// #region run
/** Creates a note, follows its Location, and lists the collection. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  await request('GET', '/api/notes');

  const created = await request('POST', '/api/notes', {
    json: { title: 'Milk', body: 'Two litres, semi-skimmed.' },
    show: ['location'],
  });
  // Location may be relative; it resolves against the URI the
  // request went to, as a link in a page would.
  const location = created.headers.get('location') ?? '';
  const note = new URL(location, io.url('/api/notes')).pathname;
  io.log(`"${location}" from /api/notes is ${note}`);
  await request('GET', note);

  // The collection links to each note, so a client can find them.
  await request('GET', '/api/notes');
  // A URI that names nothing is a 404, with a body saying why.
  await request('GET', '/api/notes/2');
}
// #endregion run
