// CORS, for a site hosted on another origin than the playground
// (PUBLIC_PLAYGROUND_URL): its cells fetch /healthz, /api/…, POST /rpc,
// /sockets/…, /why/… and /close-reports/… across origins, and a browser
// hands them the answer only if the playground says that page may read
// it. The pages that may are ALLOWED_ORIGINS, the same list that may
// open WebSockets here.
//
// - A preflight (OPTIONS with Access-Control-Request-Method) from an
//   allowed origin gets 204 with the methods and headers the endpoints
//   take; from any other origin, 403 and no CORS headers.
// - Any other request from an allowed origin is handled as usual, and
//   its answer gets Access-Control-Allow-Origin naming that origin and
//   the headers pages read exposed. From another origin it gets no
//   CORS headers at all, so the browser keeps the answer from the page.
// - While an allow-list is set, every answer says `Vary: Origin`,
//   merged into whatever Vary the endpoint sends (the notes vary on
//   Accept and Authorization): a shared cache must not give one
//   origin's answer to another.
//
// No credentials: the pages name their reader with an Authorization
// header they set themselves, never with cookies.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendText } from '../examples/http-reply.ts';

/** Methods the playground's HTTP endpoints take. */
export const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** Request headers a page may set beyond the CORS-safelisted ones. */
export const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match';
/** Response headers a page may read beyond the safelisted ones. */
export const CORS_EXPOSED_HEADERS =
  'ETag, Location, X-Cache, Age, Via, Vary, Allow, Accept, Retry-After';
/** How long a browser may remember a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Applies CORS to a request for the playground. Answers a preflight
 * itself and returns true; otherwise prepares `res` and returns false.
 */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const { origin } = req.headers;
  if (allowedOrigins.length === 0 && origin === undefined) return false;
  // The answer depends on Origin whenever there is a list to check.
  if (allowedOrigins.length > 0) varyOnOrigin(res);
  const preflight =
    req.method === 'OPTIONS' &&
    origin !== undefined &&
    req.headers['access-control-request-method'] !== undefined;
  const crossOrigin = origin !== undefined && !sameOrigin(origin, req.headers.host);
  const allowed = crossOrigin && allowedOrigins.includes(origin);

  if (preflight && crossOrigin) {
    if (!allowed) {
      sendText(
        res,
        403,
        `Origin ${origin} may not call this playground; ` +
          'only this site and ALLOWED_ORIGINS may',
      );
      return true;
    }
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': CORS_METHODS,
      'access-control-allow-headers': CORS_REQUEST_HEADERS,
      'access-control-max-age': String(PREFLIGHT_MAX_AGE),
      'cache-control': 'no-store',
    });
    res.end();
    return true;
  }
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
  }
  return false;
}

/** True when `origin` is the server's own (the Host it was sent to). */
function sameOrigin(origin: string, host: string | undefined) {
  try {
    return new URL(origin).host.toLowerCase() === host?.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Makes every head `res` writes carry `Vary: Origin`, merged with the
 * Vary the handler sets, whether by setHeader() or by writeHead()'s
 * headers (which would otherwise replace it).
 */
function varyOnOrigin(res: ServerResponse) {
  res.setHeader('vary', 'Origin');
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest.find((item) => typeof item === 'object' && item !== null) as
      | OutgoingHttpHeaders
      | undefined;
    const reason = rest.find((item) => typeof item === 'string') as string | undefined;
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) this.setHeader(name, value);
      }
    }
    this.setHeader('vary', mergeVary(this.getHeader('vary')));
    const write = writeHead as (status: number, reason?: string) => ServerResponse;
    return reason === undefined ? write.call(this, status) : write.call(this, status, reason);
  } as ServerResponse['writeHead'];
}

/** A Vary value that names Origin once, whatever it named before. */
export function mergeVary(value: number | string | string[] | undefined) {
  const names = (Array.isArray(value) ? value.join(',') : String(value ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.includes('*')) return '*';
  if (!names.some((name) => name.toLowerCase() === 'origin')) names.push('Origin');
  return names.join(', ');
}
