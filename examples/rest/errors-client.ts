// Errors: every request below is wrong in one way, and each gets a 4xx
// with a problem document (RFC 9457) saying what is wrong and what to
// do instead. None of them is a 500, and none disturbs anyone else.

import type { DemoIO } from '../demo-io.ts';
import { type Ask, newToken, notesClient } from './client.ts';

/** One bad request: what it is, and how it is sent. */
interface Case extends Ask {
  method: string;
  path: string;
  /** Send no token at all. */
  anonymous?: boolean;
}

// #region cases
const long = 'x'.repeat(3000);
const json = 'application/json';
const cases = Object.entries<Case>({
  'JSON cut short': {
    method: 'POST',
    path: '/api/notes',
    body: '{"title":"Milk",',
    type: json,
  },
  'a body typed text/plain': {
    method: 'POST',
    path: '/api/notes',
    body: 'Milk',
    type: 'text/plain',
  },
  'JSON, but not a note': {
    method: 'POST',
    path: '/api/notes',
    json: { title: '' },
  },
  'a body over 16 KiB': {
    method: 'POST',
    path: '/api/notes',
    json: { title: 'Big', body: 'x'.repeat(17_000) },
  },
  'no token': { method: 'GET', path: '/api/notes', anonymous: true },
  'a note that is not there': {
    method: 'GET',
    path: '/api/notes/nope',
  },
  'a method the URI does not allow': {
    method: 'DELETE',
    path: '/api/notes',
  },
  'a type no one offers': {
    method: 'GET',
    path: '/api/notes',
    accept: 'image/png',
  },
  'a version that is not current': {
    method: 'PUT',
    path: '/api/notes/todo',
    json: { title: 'To do', body: 'Everything.' },
    headers: { 'if-match': '"an-old-etag"' },
  },
  'a slash hidden as %2F': { method: 'GET', path: '/api/notes/a%2Fb' },
  'a URL over 2 KiB': { method: 'GET', path: `/api/notes/${long}` },
});
// #endregion cases

// #region run
/** Sends each bad request and tabulates the problem that comes back. */
export async function run(io: DemoIO): Promise<void> {
  // The exchanges are not printed one by one; the table says it all.
  const quiet = { ...io, sent: () => {}, received: () => {} };
  const withToken = notesClient(quiet, newToken());
  const withoutToken = notesClient(quiet, null);
  // One note exists, for the stale If-Match to miss.
  await withToken('PUT', '/api/notes/todo', {
    json: { title: 'To do', body: 'Nothing.' },
  });
  const rows = [];
  const types = new Set<string | null>();
  for (const [name, { method, path, anonymous, ...ask }] of cases) {
    const request = anonymous ? withoutToken : withToken;
    const reply = await request(method, path, ask);
    const problem = JSON.parse(reply.text) as Record<string, unknown>;
    types.add(reply.headers.get('content-type'));
    rows.push({
      request: name,
      status: reply.status,
      title: problem['title'],
      detail: problem['detail'],
    });
  }
  io.show('table', rows);
  io.log('every answer came as', [...types].join(' and '));
}
// #endregion run
