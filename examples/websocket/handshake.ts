// The opening handshake (RFC 6455 §4): an HTTP/1.1 GET that asks to
// switch protocols, and the 101 response that agrees to.
//
// Pure functions over a request's method and headers, so the same
// checks serve a raw socket server and the tests; no I/O happens here.

import { createHash } from 'node:crypto';

// #region accept
/** The fixed GUID of RFC 6455, appended to every key. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Sec-WebSocket-Accept for a key: base64(SHA-1(key + GUID)). */
export function acceptKey(key: string): string {
  const hash = createHash('sha1').update(key + WEBSOCKET_GUID);
  return hash.digest('base64');
}
// #endregion accept

// #region errors
/** Each way an upgrade request can be wrong, and its HTTP status. */
export const HANDSHAKE_ERRORS = {
  WS_HANDSHAKE_METHOD: [405, 'a WebSocket handshake must be a GET'],
  WS_HANDSHAKE_HTTP_VERSION: [400, 'a handshake needs HTTP/1.1'],
  WS_HANDSHAKE_HOST: [400, 'the Host header is missing'],
  WS_HANDSHAKE_UPGRADE: [400, 'Upgrade must be "websocket"'],
  WS_HANDSHAKE_CONNECTION: [400, 'Connection must include "Upgrade"'],
  WS_HANDSHAKE_KEY: [400, 'Sec-WebSocket-Key must be 16 bytes'],
  WS_HANDSHAKE_VERSION: [426, 'Sec-WebSocket-Version must be 13'],
} as const;

/** An upgrade request this server will not accept. */
export class HandshakeError extends Error {
  override name = 'HandshakeError';
  readonly code: keyof typeof HANDSHAKE_ERRORS;
  readonly status: number;

  constructor(code: keyof typeof HANDSHAKE_ERRORS) {
    const [status, message] = HANDSHAKE_ERRORS[code];
    super(message);
    this.code = code;
    this.status = status;
  }
}
// #endregion errors

/** What the checks read from a request (node:http's has all of it). */
export interface UpgradeRequest {
  method?: string | undefined;
  httpVersion: string;
  headers: Record<string, string | string[] | undefined>;
}

// #region check
/** Checks an upgrade request; returns its key or throws why not. */
export function checkUpgrade(request: UpgradeRequest): string {
  const header = (name: string) => String(request.headers[name] ?? '');
  // Upgrade and Connection are lists of tokens, in any case.
  const tokens = (name: string) =>
    header(name)
      .toLowerCase()
      .split(',')
      .map((token) => token.trim());
  const key = header('sec-websocket-key');
  if (request.method !== 'GET') fail('WS_HANDSHAKE_METHOD');
  if (!/^(1\.[1-9]|[2-9])/.test(request.httpVersion)) {
    fail('WS_HANDSHAKE_HTTP_VERSION');
  }
  if (!header('host')) fail('WS_HANDSHAKE_HOST');
  if (!tokens('upgrade').includes('websocket')) {
    fail('WS_HANDSHAKE_UPGRADE');
  }
  if (!tokens('connection').includes('upgrade')) {
    fail('WS_HANDSHAKE_CONNECTION');
  }
  // 16 random bytes are 22 base64 characters and "==".
  if (!/^[A-Za-z0-9+/]{22}==$/.test(key)) fail('WS_HANDSHAKE_KEY');
  if (header('sec-websocket-version') !== '13') {
    fail('WS_HANDSHAKE_VERSION');
  }
  return key;
}
// #endregion check

// #region respond
/** The 101 response that completes a handshake. */
export function acceptResponse(key: string): string {
  return (
    'HTTP/1.1 101 Switching Protocols\r\n' +
    'Upgrade: websocket\r\n' +
    'Connection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`
  );
}

/** The HTTP error that refuses a handshake, saying why. */
export function refusal(error: HandshakeError): string {
  const body = `${error.message}\n`;
  return (
    `HTTP/1.1 ${error.status} ${STATUS_TEXT[error.status]}\r\n` +
    (error.status === 426
      ? // A 426 must name the protocol (RFC 9110 §15.5.22), and
        // Connection must list Upgrade, a field for this hop only
        // (§7.8); the version goes in its own field (RFC 6455 §4.2.2).
        'Upgrade: websocket\r\nConnection: Upgrade, close\r\n' +
        'Sec-WebSocket-Version: 13\r\n'
      : 'Connection: close\r\n') +
    (error.status === 405 ? 'Allow: GET\r\n' : '') +
    'Content-Type: text/plain; charset=utf-8\r\n' +
    `Content-Length: ${new TextEncoder().encode(body).length}\r\n\r\n` +
    body
  );
}
// #endregion respond

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  426: 'Upgrade Required',
};

function fail(code: keyof typeof HANDSHAKE_ERRORS): never {
  throw new HandshakeError(code);
}
