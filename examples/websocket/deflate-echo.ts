// An echo that compresses: permessage-deflate (RFC 7692), which a
// client offers in its handshake and this server accepts. After each
// echo it reports what the message cost on the wire, since a client
// sees only the inflated message (the browser API has no way to ask).
//
// The sizes are counted on the server's TCP socket (as
// wire-meter.ts counts transports): the bytes read from one message
// event to the next, and the bytes written for one echo. A frame's
// header and the client's mask are in them; so is any ping or pong
// that happens to pass in between (a few bytes, every 30 s).

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from './echo-server.ts';

/** What the server sends after each echo. */
export interface WireReport {
  type: 'wire';
  /** The message as the application sees it, inflated. */
  messageBytes: number;
  /** Its frame as it arrived: compressed if the client compressed it. */
  wireIn: number;
  /** The echo's frame as it left, compressed. */
  wireOut: number;
}

// #region server
/** An echo server that negotiates permessage-deflate. */
export function createDeflateEchoServer(maxPayload = MAX_MESSAGE_BYTES) {
  const wss = new WebSocketServer({
    noServer: true,
    // Counted after inflation: 1 KB of zeros that inflates to a
    // megabyte is a megabyte, and is refused with 1009 on the way.
    maxPayload,
    perMessageDeflate: {
      // The window (the last 32 KiB deflate may refer back to)
      // outlives each message, so a message like an earlier one
      // compresses to a few bytes; it costs memory per connection.
      // With it, ws compresses every message, however small; its
      // `threshold` (1 KiB) applies only without it.
      serverNoContextTakeover: false,
      // At most this many compressions run at once, over all
      // connections (ws queues the rest): a bound on zlib's CPU.
      concurrencyLimit: 10,
    },
  });
  wss.on('connection', echoAndReport);
  return wss;
}
// #endregion server

// #region report
function echoAndReport(ws: WebSocket, request: IncomingMessage) {
  // The very socket ws reads and writes: the one the upgrade came on.
  const socket = request.socket as Socket;
  let read = socket.bytesRead;
  ws.on('message', (data, isBinary) => {
    const wireIn = socket.bytesRead - read;
    read = socket.bytesRead;
    const before = socket.bytesWritten;
    ws.send(data, { binary: isBinary }, () => {
      const report: WireReport = {
        type: 'wire',
        messageBytes: byteLength(data),
        wireIn,
        wireOut: socket.bytesWritten - before,
      };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(report));
    });
  });
  // Protocol errors (1002, 1007, 1009) close the socket; see echo-server.ts.
  ws.on('error', () => {});
}
// #endregion report

function byteLength(data: Buffer | ArrayBuffer | Buffer[]) {
  return Array.isArray(data) ? Buffer.concat(data).length : data.byteLength;
}
