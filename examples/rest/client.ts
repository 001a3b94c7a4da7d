// The client side of the REST demos: fetch, with a bearer token on
// every request, printing each exchange the way HTTP/1.1 writes a
// message: a first line, headers, an empty line, the body.
//
// It runs in the browser under a cell and in Node under the tests,
// with the same fetch in both.

import type { DemoIO } from '../demo-io.ts';

// #region token
/** A new bearer token: random, so no one else will guess it. */
export function newToken(): string {
  // randomUUID exists only in secure contexts (https, localhost);
  // where a page has none, 16 random bytes in hex do the same job.
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  return Array.from(bytes, hex).join('');
}
// #endregion token

/** A request, as the demos describe it. */
export interface Ask {
  accept?: string;
  /** A body to send as JSON, with Content-Type: application/json. */
  json?: unknown;
  /** A body to send as it is, with `type` as its Content-Type. */
  body?: string;
  type?: string;
  headers?: Record<string, string>;
  /** Response headers to print, by name. */
  show?: string[];
  /** Give up on an answer that takes longer than this, in ms. */
  timeoutMs?: number;
}

/** What came back. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

// #region client
/**
 * A client that sends `token` with every request (none when null).
 * `owner` names the token where the request is printed, e.g. "Ada's
 * token"; without it the header stays off the page.
 */
export function notesClient(io: DemoIO, token: string | null, owner?: string) {
  return async (method: string, path: string, ask: Ask = {}) => {
    const headers = new Headers(ask.headers);
    if (ask.accept) headers.set('accept', ask.accept);
    let body = ask.body;
    if (ask.json !== undefined) {
      body = JSON.stringify(ask.json);
      headers.set('content-type', 'application/json');
    }
    if (ask.type) headers.set('content-type', ask.type);
    const shown = new Headers(headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (token && owner) shown.set('authorization', `Bearer <${owner}>`);
    io.sent(message(`${method} ${path}`, shown, body));

    const response = await fetch(io.url(path), {
      method,
      headers,
      body: body ?? null,
      signal: ask.timeoutMs
        ? AbortSignal.any([io.signal, AbortSignal.timeout(ask.timeoutMs)])
        : io.signal,
      // The browser's own HTTP cache is a layer too; no-store keeps
      // it out of the way, so each line is what the server said.
      cache: 'no-store',
    });
    const text = await response.text();
    const picked = new Headers();
    for (const name of ask.show ?? []) {
      const value = response.headers.get(name);
      if (value !== null) picked.set(name, value);
    }
    const status = `${response.status} ${response.statusText}`;
    io.received(message(status, picked, text));
    return { status: response.status, headers: response.headers, text };
  };
}
// #endregion client

/** The longest body or line printed before it is cut short. */
const PRINTED = 400;

/** A message as HTTP/1.1 writes it, long parts cut short. */
function message(first: string, headers: Headers, body?: string) {
  const lines = [first];
  for (const [name, value] of headers) {
    lines.push(`${cased(name)}: ${value}`);
  }
  if (body) lines.push('', body);
  return lines.map(cut).join('\n');
}

function cut(text: string) {
  if (text.length <= PRINTED) return text;
  const rest = text.length - PRINTED;
  return `${text.slice(0, PRINTED)}… (${rest} more characters)`;
}

/** A header name as it is usually written: ETag, Content-Type. */
function cased(name: string) {
  if (name === 'etag') return 'ETag';
  if (name === 'www-authenticate') return 'WWW-Authenticate';
  if (name === 'idempotency-key') return 'Idempotency-Key';
  if (name === 'ratelimit') return 'RateLimit';
  if (name === 'ratelimit-policy') return 'RateLimit-Policy';
  return name.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}
