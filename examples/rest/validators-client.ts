// Last-Modified: the older validator, a date to the second. It saves
// a download as an ETag does, with If-Modified-Since; but as a guard
// against lost updates, with If-Unmodified-Since, it misses two
// changes made within one second. Then an API that must not lose a
// write can require If-Match, and refuse a write without it: 428.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

/** A notes client, as notesClient makes it. */
type Request = ReturnType<typeof notesClient>;

// #region run
/** A 304 by date, a lost update a date misses, and a 428. */
export async function run(io: DemoIO): Promise<void> {
  const token = newToken();
  const request = notesClient(io, token);
  const url = '/api/notes/plan';
  const note = (body: string) => ({ json: { title: 'Plan', body } });
  await startOfASecond(notesClient({ ...io, sent() {}, received() {} }, token));
  await request('PUT', url, note('Draft.'));
  const read = await request('GET', url, { show: ['last-modified'] });
  const date = read.headers.get('last-modified') ?? '';
  await request('GET', url, { headers: { 'if-modified-since': date } });

  io.log('Ada and Grace both read the note in this second, and both save');
  const since = { 'if-unmodified-since': date };
  await request('PUT', url, {
    ...note('Draft, with a budget.'),
    headers: since,
  });
  await request('PUT', url, {
    ...note('Draft, with a timeline.'),
    headers: since,
  });
  io.log(
    "Both went through: Grace's save erased Ada's, one second apart at most",
  );

  io.log(
    '/api/strict/notes is the same notes, refusing a write without If-Match',
  );
  const strict = '/api/strict/notes/plan';
  await request('PUT', strict, note('Start over.'));
  const current = await request('GET', strict, { show: ['etag'] });
  const etag = { 'if-match': current.headers.get('etag') ?? '' };
  await request('PUT', strict, { ...note('Start over.'), headers: etag });
}
// #endregion run

/**
 * Waits, asking quietly, until the server's Date has just ticked over:
 * what follows then falls within one second of its clock, as the
 * lesson needs on every run.
 */
async function startOfASecond(request: Request) {
  const dateOf = async () =>
    (await request('HEAD', '/api/notes')).headers.get('date');
  const before = await dateOf();
  for (let tries = 0; tries < 100 && (await dateOf()) === before; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
