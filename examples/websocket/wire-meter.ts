// Counting what a transport costs on the wire: requests, and bytes in
// each direction, headers included, as the server's TCP sockets saw
// them.
//
// A net.Socket counts every byte it has read and written
// (socket.bytesRead, socket.bytesWritten). One socket may carry many
// requests one after another (HTTP keep-alive), for different
// transports and different readers, so the meter takes deltas per
// request: from when its handler starts until its response (or its
// WebSocket) ends. When the handler starts, Node has already read
// the request's head, so that part is counted from the head as Node
// parsed it: the request line and each header, as sent.
//
// TCP/IP headers (some 40 to 60 bytes a packet) and TLS are below the
// socket and not counted; they add to every transport alike.

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** What one transport cost, all requests together. */
export interface WireCount {
  requests: number;
  /** Bytes from the client to the server. */
  bytesIn: number;
  /** Bytes from the server to the client. */
  bytesOut: number;
}

// #region meter
/** Adds up the requests and bytes of one transport in one run. */
export class WireMeter {
  #settled: WireCount = { requests: 0, bytesIn: 0, bytesOut: 0 };
  #open = new Map<Socket, { read: number; written: number }>();

  /** Starts counting `req`; call the returned function at its end. */
  start(req: IncomingMessage): () => void {
    const socket = req.socket;
    this.#settled.requests++;
    this.#settled.bytesIn += headBytes(req);
    const base = {
      read: socket.bytesRead,
      written: socket.bytesWritten,
    };
    this.#open.set(socket, base);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#settled.bytesIn += socket.bytesRead - base.read;
      this.#settled.bytesOut += socket.bytesWritten - base.written;
      this.#open.delete(socket);
    };
  }

  /** The count so far, requests still open included. */
  total(): WireCount {
    const total = { ...this.#settled };
    for (const [socket, base] of this.#open) {
      total.bytesIn += socket.bytesRead - base.read;
      total.bytesOut += socket.bytesWritten - base.written;
    }
    return total;
  }
}
// #endregion meter

/** The bytes of a request's line and headers, as they were sent. */
export function headBytes(req: IncomingMessage): number {
  const line = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
  let bytes = Buffer.byteLength(line) + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const header = `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
    bytes += Buffer.byteLength(header);
  }
  return bytes;
}
