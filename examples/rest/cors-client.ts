// A page calling the notes API on another origin: the playground under
// its other name. http://127.0.0.1:8080 and http://localhost:8080 are
// one server but two origins, since an origin is scheme, host and port
// as written, not the address they lead to. So from a page of one,
// every request to the other is a cross-origin request, and the
// browser applies the CORS protocol to it (Fetch, section 3.3).
//
// The browser enforces CORS, not the server and not fetch itself: the
// same code in Node reads every header and never fails (the test beside
// this file shows it). Run it on the page to see what a browser allows.

import type { DemoIO } from '../demo-io.ts';
import { newToken } from './client.ts';

// #region other
/** The playground's origin under its other loopback name. */
export function otherOrigin(io: DemoIO): string {
  const url = new URL(io.url('/'));
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}
// #endregion other

/** A request that may fail: its status, or the error the page got. */
async function attempt(
  io: DemoIO,
  what: string,
  request: () => Promise<Response>,
) {
  try {
    const response = await request();
    io.received(`${what}: ${response.status}`);
    return response;
  } catch (error) {
    const { name, message } = error as Error;
    io.received(`${what}: ${name}: ${message}`);
    return null;
  }
}

// #region simple
/**
 * What the other origin lets this page send and read; the note's URL,
 * or null if it let the page create none.
 */
async function allowed(io: DemoIO, there: string, token: string) {
  const { signal } = io;
  // A simple request: GET with no fields of its own. No preflight;
  // the answer's Access-Control-Allow-Origin decides if it is read.
  await attempt(io, 'GET /healthz', () =>
    fetch(`${there}/healthz`, { signal }),
  );

  // #endregion simple
  // #region preflighted
  // Authorization and a JSON Content-Type are not safelisted, so the
  // browser first asks with OPTIONS whether it may send them.
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const note = (body: string) => JSON.stringify({ title: 'Milk', body });
  const created = await attempt(io, 'POST /api/notes (preflighted)', () =>
    fetch(`${there}/api/notes`, {
      method: 'POST',
      headers: json,
      body: note('Two litres.'),
      signal,
    }),
  );
  // Refused, this page can read nothing, not even why.
  if (!created) return null;
  const location = created.headers.get('location') ?? '';
  const read = await fetch(new URL(location, `${there}/api/notes`), {
    headers: auth,
    signal,
  });
  // Exposed (Access-Control-Expose-Headers) or safelisted: readable.
  // Anything else reads as null, though it came over the wire.
  for (const name of [
    'location',
    'content-type',
    'etag',
    'x-content-type-options',
  ]) {
    const from = name === 'location' ? created : read;
    io.log(`${name}: ${from.headers.get(name)}`);
  }
  const headers = { ...json, 'if-match': read.headers.get('etag') ?? '' };
  await attempt(io, 'PUT with If-Match (preflighted)', () =>
    fetch(read.url, {
      method: 'PUT',
      headers,
      body: note('Three litres.'),
      signal,
    }),
  );
  return read.url;
}
// #endregion preflighted

// #region refused
/** What it does not: each fails as a TypeError, with no detail. */
async function refused(io: DemoIO, there: string, token: string, url: string) {
  const { signal } = io;
  const auth = { authorization: `Bearer ${token}` };
  // The preflight's answer does not list X-Trace: nothing is sent.
  await attempt(io, 'GET with X-Trace', () =>
    fetch(url, { headers: { ...auth, 'x-trace': '1' }, signal }),
  );
  // Cookies across origins need Access-Control-Allow-Credentials.
  await attempt(io, 'GET with credentials', () =>
    fetch(url, { headers: auth, credentials: 'include', signal }),
  );
  // The site's pages carry no CORS fields at all: no other origin
  // may read them, as if its origin were refused.
  await attempt(io, 'GET / (a page of the site)', () =>
    fetch(`${there}/`, { signal }),
  );
}
// #endregion refused

// #region run
/** What a page on this origin may send to, and read from, the other. */
export async function run(io: DemoIO): Promise<void> {
  const there = otherOrigin(io);
  io.log(`this page: ${new URL(io.url('/')).origin}; calling ${there}`);
  const token = newToken();
  const url = await allowed(io, there, token);
  if (url) await refused(io, there, token, url);
}
// #endregion run
