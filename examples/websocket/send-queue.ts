// A slow consumer, seen from the server: what to do with a reader who
// cannot keep up with what we push to it.
//
// ws.send() never blocks and never refuses. When the peer reads more
// slowly than we write, the bytes wait: first in the kernel's socket
// buffer, then in Node's (socket.writableLength), then in ws's own
// queue. ws.bufferedAmount is the sum of the last two, and nothing
// bounds it. A server that broadcasts to many readers must bound it
// itself, or one stalled reader slowly eats its memory.
//
// gorilla's chat example gives every client a buffered Go channel of
// 256 messages and drops the client when it is full. This is the
// same policy counted in bytes: past `maxQueuedBytes`, close.

import type { WebSocket } from 'ws';
import { CloseCode } from './close-codes.ts';

// #region bounded
/** The close code for a reader who fell too far behind. */
export const TOO_SLOW = CloseCode.TRY_AGAIN_LATER;

/**
 * Sends `data` unless the reader already has `maxQueuedBytes` waiting,
 * in which case it is closed with 1013. False when not sent.
 */
export function sendBounded(
  ws: WebSocket,
  data: string,
  maxQueuedBytes: number,
): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  const size = Buffer.byteLength(data);
  if (ws.bufferedAmount + size > maxQueuedBytes) {
    // 1013 "try again later": the condition is temporary and on our
    // side of the wire, unlike 1008, which blames what the peer sent.
    // The close frame queues behind the data; if the reader never
    // drains it, ws cuts the socket after its 30 s close timeout.
    ws.close(TOO_SLOW, 'too slow: send queue full');
    return false;
  }
  ws.send(data);
  return true;
}
// #endregion bounded
