// Conditional requests: the ETag a response carries names the version
// the client now holds. Sent back in If-None-Match it asks "anything
// new?", and an unchanged note costs a 304 with no body. Sent back in
// If-Match it says "change it only if it is still this version", so
// of two people editing one note, the second cannot silently undo the
// first: the server answers 412 and the second reads again.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

// #region run
/** A 304, then a lost update prevented by If-Match. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  const url = '/api/notes/plan';
  const show = ['etag'];
  await request('PUT', url, { json: { title: 'Plan', body: 'Draft.' } });
  // The PUT's answer has no ETag (the server added an id to what was
  // sent); a GET names the version the client now holds.
  const first = await request('GET', url, { show });
  const v1 = first.headers.get('etag') ?? '';
  await request('GET', url, { headers: { 'if-none-match': v1 }, show });

  io.log('Ada and Grace both hold', v1, 'and both edit it');
  await request('PUT', url, {
    json: { title: 'Plan', body: 'Draft, with a budget.' },
    headers: { 'if-match': v1 },
  });
  await request('PUT', url, {
    json: { title: 'Plan', body: 'Draft, with a timeline.' },
    headers: { 'if-match': v1 },
  });

  io.log('Grace reads the note again and redoes her edit on top');
  const again = await request('GET', url, { show });
  const v2 = again.headers.get('etag') ?? '';
  await request('PUT', url, {
    json: { title: 'Plan', body: 'Draft, with a budget and timeline.' },
    headers: { 'if-match': v2 },
  });
  // If-None-Match: * means "only if nothing is there yet".
  await request('PUT', url, {
    json: { title: 'Plan', body: 'Start over.' },
    headers: { 'if-none-match': '*' },
  });
}
// #endregion run
