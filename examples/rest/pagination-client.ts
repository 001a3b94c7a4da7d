// Walking a list page by page while someone else changes it. Twelve
// notes, pages of five: between the first page and the second,
// another request deletes a note the walker has already seen and adds
// a new one. Walked by offset, the list slides under the walker and a
// note is skipped; walked by cursor, every note is met once.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

/** A notes client, as notesClient makes it. */
type Request = ReturnType<typeof notesClient>;

// #region walk
/**
 * Follows Link rel="next" from `first` to the last page, calling
 * `meanwhile` after the first page; returns every id it was given.
 */
async function walk(
  io: DemoIO,
  request: Request,
  first: string,
  meanwhile: () => Promise<void>,
) {
  const seen: string[] = [];
  let url: URL | undefined = new URL(first, io.url('/'));
  while (url) {
    const reply = await request('GET', url.pathname + url.search);
    const { notes } = JSON.parse(reply.text) as { notes: { id: string }[] };
    const ids = notes.map((note) => note.id);
    const link = reply.headers.get('link');
    const line = `${url.search} → ${ids.join(' ')}; ${link ?? 'no next link'}`;
    // A cursor differs on every run, and means nothing to a reader.
    io.log(line.replaceAll(/cursor=[^&>\s]+/g, 'cursor=…'));
    // The next page is where the server says, relative to this one.
    const next = /^<([^>]*)>;\s*rel="next"$/.exec(link ?? '');
    url = next ? new URL(next[1]!, url) : undefined;
    if (seen.length === 0) await meanwhile();
    seen.push(...ids);
  }
  return seen;
}
// #endregion walk

// #region run
/** The same walk by offset and by cursor, with the same change. */
export async function run(io: DemoIO): Promise<void> {
  for (const by of ['offset', 'cursor']) {
    // The exchanges are summed up one line a page.
    const quiet = { ...io, sent: () => {}, received: () => {} };
    const request = notesClient(quiet, newToken());
    const ids = [];
    for (let n = 1; n <= 12; n++) {
      const note = { title: `Note ${n}`, body: '' };
      await request('POST', '/api/notes', { json: note });
      ids.push(String(n));
    }
    io.log(`Walking 12 notes by ${by}, five a page:`);
    const first = by === 'offset' ? '?limit=5&offset=0' : '?limit=5';
    const seen = await walk(io, request, `/api/notes${first}`, async () => {
      io.log('meanwhile: note 2 is deleted, and note 13 added');
      await request('DELETE', '/api/notes/2');
      await request('POST', '/api/notes', {
        json: { title: 'Note 13', body: '' },
      });
    });
    const missed = [...ids, '13'].filter((id) => !seen.includes(id));
    const twice = seen.filter((id, i) => seen.indexOf(id) !== i);
    io.log(`by ${by}: missed [${missed}], seen twice [${twice}]`);
  }
}
// #endregion run
