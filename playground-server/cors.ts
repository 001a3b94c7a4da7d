// CORS: which pages on other origins may read the playground's HTTP
// answers. A browser hands a page a cross-origin answer only if the
// server says that page may read it (docs/rest/cors explains the
// protocol). Two kinds of page may:
//
// - those of ALLOWED_ORIGINS, for a site hosted on another origin than
//   the playground (PUBLIC_PLAYGROUND_URL), whose cells fetch /healthz,
//   /api/…, POST /rpc, POST /connect/… (Connect and gRPC-Web, with
//   their own headers), /sockets/…, /why/… and /close-reports/…;
// - this site's own pages, served from the very address and port the
//   request came in on, when the page calls this server under another
//   name: a page from http://127.0.0.1:8080 calling
//   http://localhost:8080 (the CORS page's cells do). No other program
//   can serve pages from that address and port while we listen there.
//
// - A preflight (OPTIONS with Access-Control-Request-Method) from an
//   allowed origin gets 204 with the methods and headers the endpoints
//   take; from any other origin, 403 and no CORS headers.
// - Any other request from an allowed origin is handled as usual, and
//   its answer gets Access-Control-Allow-Origin naming that origin and
//   the headers pages read exposed. From another origin it gets no
//   CORS headers at all, so the browser keeps the answer from the page.
// - Every answer says `Vary: Origin`, merged into whatever Vary the
//   endpoint sends (the notes vary on Accept and Authorization): a
//   shared cache must not give one origin's answer to another.
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
const CORS_REQUEST_HEADERS = [
  'Authorization, Content-Type',
  'If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since',
  'Idempotency-Key',
  // The Connect and gRPC-Web protocols under /connect/ (docs/rpc/grpc.mdx).
  'Connect-Protocol-Version, Connect-Timeout-Ms, Grpc-Timeout, X-Grpc-Web, X-User-Agent, X-Request-Id',
].join(', ');
/**
 * Response headers a page may read beyond the safelisted ones (Fetch,
 * 2.2.2: Cache-Control, Content-Language, Content-Length,
 * Content-Type, Expires, Last-Modified, Pragma): what the notes
 * API's own clients read. Last-Modified is safelisted already; it is
 * listed so that this line names every validator.
 */
const CORS_EXPOSED_HEADERS = [
  'ETag, Last-Modified, Location, Link',
  'Retry-After, RateLimit, RateLimit-Policy',
  'Allow, Accept, Accept-Patch, WWW-Authenticate',
  'X-Cache, Age, Via, Vary',
  'Grpc-Status, Grpc-Message, Grpc-Status-Details-Bin, X-Request-Id',
].join(', ');
/** How long a browser may remember a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * CORS for the playground's HTTP endpoints: answers a preflight
 * itself, and otherwise adds the headers an allowed origin needs and
 * calls `next`.
 */
export function createCors(allowedOrigins: readonly string[]) {
  const addHeaders = cors({
    // Echo the request's Origin: it is called only once the origin is
    // known to be allowed, below.
    origin: true,
    methods: CORS_METHODS,
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
    // A preflight is answered below, once it is known to be one.
    preflightContinue: true,
  });

  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const { origin } = req.headers;
    res.appendHeader('vary', 'Origin');
    const preflight =
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined;
    const crossOrigin = origin !== undefined && !sameOrigin(origin, req.headers.host);
    const allowed = crossOrigin && (allowedOrigins.includes(origin) || origin === servedFrom(req));

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

/**
 * The origin of a page this server serves on the address and port
 * `req` came in on, e.g. http://127.0.0.1:8080 (the site is served
 * over plain HTTP; behind TLS, a proxy's origin is in ALLOWED_ORIGINS).
 */
function servedFrom({ socket }: IncomingMessage) {
  // An IPv4 client of a dual-stack listener arrives as ::ffff:a.b.c.d.
  const address = (socket.localAddress ?? '').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  const { localPort } = socket;
  return `http://${host}:${localPort}`;
}

/** True when `origin` is the server's own (the Host it was sent to). */
function sameOrigin(origin: string, host: string | undefined) {
  try {
    return new URL(origin).host.toLowerCase() === host?.toLowerCase();
  } catch {
    return false;
  }
}
