// CORS, for a site hosted on another origin than the playground
// (PUBLIC_PLAYGROUND_URL): its cells fetch /healthz, /api/…, POST /rpc,
// POST /connect/… (Connect and gRPC-Web, with their own headers),
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
//
// The headers are the `cors` package's; what it leaves to us is the
// 403 for a refused preflight, and telling a preflight (OPTIONS with
// Access-Control-Request-Method) from an OPTIONS the notes answer.
// Vary is appended, never set, so an endpoint that varies on more
// must append too (examples/rest/notes.ts does).

import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import { sendText } from '../examples/http-reply.ts';

/** Methods the playground's HTTP endpoints take. */
const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** Request headers a page may set beyond the CORS-safelisted ones. */
const CORS_REQUEST_HEADERS =
  'Authorization, Content-Type, If-Match, If-None-Match, ' +
  // The Connect and gRPC-Web protocols under /connect/ (docs/rpc/grpc.mdx).
  'Connect-Protocol-Version, Connect-Timeout-Ms, Grpc-Timeout, X-Grpc-Web, X-User-Agent, X-Request-Id';
/** Response headers a page may read beyond the safelisted ones. */
const CORS_EXPOSED_HEADERS =
  'ETag, Location, X-Cache, Age, Via, Vary, Allow, Accept, Retry-After, ' +
  'Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin, X-Request-Id';
/** How long a browser may remember a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * CORS for the playground's HTTP endpoints: answers a preflight
 * itself, and otherwise adds the headers an allowed origin needs and
 * calls `next`.
 */
export function createCors(allowedOrigins: readonly string[]) {
  const addHeaders = cors({
    origin: [...allowedOrigins],
    methods: CORS_METHODS,
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
    // A preflight is answered below, once it is known to be one.
    preflightContinue: true,
  });

  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const { origin } = req.headers;
    // The answer depends on Origin whenever there is a list to check.
    if (allowedOrigins.length > 0) res.appendHeader('vary', 'Origin');
    const preflight =
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined;
    const crossOrigin = origin !== undefined && !sameOrigin(origin, req.headers.host);
    const allowed = crossOrigin && allowedOrigins.includes(origin);

    if (preflight && crossOrigin && !allowed) {
      return sendText(
        res,
        403,
        `Origin ${origin} may not call this playground; ` +
          'only this site and ALLOWED_ORIGINS may',
      );
    }
    if (!allowed) return next();
    addHeaders(req, res, () => {
      if (!preflight) return next();
      res.writeHead(204, { 'cache-control': 'no-store' }).end();
    });
  };
}

/** True when `origin` is the server's own (the Host it was sent to). */
function sameOrigin(origin: string, host: string | undefined) {
  try {
    return new URL(origin).host.toLowerCase() === host?.toLowerCase();
  } catch {
    return false;
  }
}
