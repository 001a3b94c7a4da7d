// An echo server written with streams: the notes' NextReader,
// NextWriter and io.Copy loop, in Node's terms.
//
// gorilla streams each message: NextReader returns an io.Reader over
// one message, NextWriter(type) an io.WriteCloser for one message of
// that type, and io.Copy moves the bytes between them without holding
// the whole message in memory (examples/go/stream-echo.go).
//
// ws has no per-message stream: it delivers each message whole, up
// to maxPayload. What it has is createWebSocketStream(), which turns
// the whole connection into one Duplex stream of bytes: each message
// received is pushed as a chunk, each chunk written is sent as a
// message. Then stream.pipeline() is io.Copy: it moves the bytes,
// waits when the writer is full (backpressure), and tears both ends
// down on error.
//
// What the stream loses is the message type. A chunk is bytes, so
// every message written goes out as binary, even the echo of a text
// message: there is no NextWriter(TextMessage) to ask for.

import { pipeline } from 'node:stream/promises';
import { createWebSocketStream, WebSocketServer } from 'ws';

// #region server
/** A WebSocket server that echoes through a byte stream. */
export function createStreamEchoServer(maxPayload: number) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  wss.on('connection', (ws) => {
    const stream = createWebSocketStream(ws);
    // io.Copy(w, r): what is read from the connection is written
    // back to it. The pipeline ends when the peer closes; ws has
    // already closed the connection with the right code when an
    // error ends it early, so there is nothing more to do then.
    pipeline(stream, stream).catch(() => {});
  });
  return wss;
}
// #endregion server
