// Small helpers to answer plainly: JSON bodies, and refusals written
// on a raw socket before any WebSocket exists.

import { type ServerResponse, STATUS_CODES } from 'node:http';
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

/**
 * Answers an Upgrade request (or one Node's parser refused) with an
 * HTTP error and closes the socket. `why` null: no body (for HEAD).
 */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  why: string | null,
) {
  const body = why === null ? '' : `${why}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      (why === null ? '' : body),
  );
}
