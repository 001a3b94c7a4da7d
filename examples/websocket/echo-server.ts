// An echo server: every message that arrives goes back unchanged.
//
// echo-minimal.ts hardened: it survives a client that breaks the
// protocol, bounds the size of a message, and shares an HTTP server
// instead of owning a port. It is the TypeScript counterpart of the
// notes' gorilla/websocket server (examples/go/echo-server.go); `ws`
// plays the part of gorilla.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** The largest message echoed; a larger one is refused with 1009. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

// #region server
/** A WebSocket server that echoes, attached to no port of its own. */
export function createEchoServer(maxPayload = MAX_MESSAGE_BYTES) {
  // `noServer`: like gorilla's Upgrader, this only turns HTTP requests
  // into WebSockets, and leaves the listening to an HTTP server.
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  wss.on('connection', echo);
  return wss;
}
// #endregion server

// #region echo
function echo(ws: WebSocket) {
  // gorilla's loop is ReadMessage then WriteMessage; here each message
  // is an event, and `isBinary` keeps text as text, bytes as bytes.
  ws.on('message', (data, isBinary) => {
    ws.send(data, { binary: isBinary });
  });
  // When a peer breaks the protocol (an unmasked frame, bad UTF-8,
  // a message over maxPayload) ws closes it with the matching code,
  // 1002, 1007 or 1009, and then emits 'error'. Without a listener,
  // that error would be thrown and end the whole process.
  ws.on('error', () => {});
}
// #endregion echo

// #region upgrade
/**
 * Hands an HTTP Upgrade request to a WebSocket server, then to
 * `opened`, if given, once the WebSocket is open.
 */
export function upgrade(
  wss: WebSocketServer,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  opened?: (ws: WebSocket) => void,
) {
  wss.handleUpgrade(request, socket, head, (ws) => {
    // ws leaves 'connection' to us in noServer mode; whatever
    // listens for it (a heartbeat, limits) sees every socket.
    wss.emit('connection', ws, request);
    opened?.(ws);
  });
}
// #endregion upgrade
