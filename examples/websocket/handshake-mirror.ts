// A server that shows each client its own opening handshake: the
// request as it arrived here, then the 101 response sent back, as two
// text messages; then it closes with 1000.
//
// ws does the handshake. Its 'headers' event hands over the lines of
// the response just before they are written, so the mirror shows the
// real response, not a copy of it.

import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { CloseCode } from './close-codes.ts';

// #region mirror
/** A WebSocket server that echoes the handshake, not messages. */
export function createHandshakeMirror() {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const responses = new WeakMap<IncomingMessage, string[]>();
  wss.on('headers', (lines, request) => {
    responses.set(request, [...lines]);
  });
  wss.on('connection', (ws, request) => {
    ws.on('error', () => {});
    ws.send(requestHead(request));
    ws.send(responses.get(request)?.join('\n') ?? '');
    ws.close(CloseCode.NORMAL, 'handshake shown');
  });
  return wss;
}

/** The request line and headers as they arrived, one to a line. */
export function requestHead(request: IncomingMessage) {
  const { method, url, httpVersion, rawHeaders } = request;
  const lines = [`${method} ${url} HTTP/${httpVersion}`];
  // rawHeaders keeps the client's order and spelling: name, value, …
  for (let i = 0; i < rawHeaders.length; i += 2) {
    lines.push(`${rawHeaders[i]}: ${rawHeaders[i + 1]}`);
  }
  return lines.join('\n');
}
// #endregion mirror
