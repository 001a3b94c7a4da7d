// Small helpers to answer plainly, used by the lessons' servers and
// the playground alike: JSON bodies, plain-text refusals, 405 for a
// method an endpoint does not take, and refusals written on a raw
// socket before any WebSocket exists.

import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { Duplex } from 'node:stream';

/** Sends `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends `why` and a newline as plain text with `status`. */
export function sendText(
  res: ServerResponse,
  status: number,
  why: string,
  headers: OutgoingHttpHeaders = {},
) {
  const body = `${why}\n`;
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * True when `req` uses one of `methods`. Otherwise answers 405 with
 * `Allow` and which request to make instead, and returns false.
 */
export function allowMethods(
  req: IncomingMessage,
  res: ServerResponse,
  methods: readonly string[],
): boolean {
  if (methods.includes(req.method ?? '')) return true;
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const error =
    `${req.method} is not allowed on ${pathname}; ` +
    `use ${methods.join(' or ')}`;
  sendJson(res, 405, { error }, { allow: methods.join(', ') });
  return false;
}

/**
 * Answers an Upgrade request (or one Node's parser refused) with an
 * HTTP error and closes the socket. `why` null: no body (for HEAD).
 * `headers` are what the status calls for, such as WWW-Authenticate.
 */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  why: string | null,
  headers: Record<string, string> = {},
) {
  const body = why === null ? '' : `${why}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      (why === null ? '' : body),
  );
}
