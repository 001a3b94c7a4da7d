// A server that reads slowly on purpose, so a page can watch its own
// send buffer fill and drain: /ws/slow-reader.
//
// For two seconds it reads nothing. ws.pause() stops reading the
// socket, and then TCP does the rest: the server's receive buffer
// fills, the sender's kernel stops sending, its send buffer fills,
// and at last send() in the page has nowhere to put its bytes, so
// they wait in the browser and `bufferedAmount` grows. Then the server
// reads one message every 40 ms (some 1.6 MiB a second for 64 KiB
// messages) and answers each with how much it has read so far.

import { WebSocketServer } from 'ws';

/** How long the server holds off before reading at all. */
export const HOLD_MS = 2_000;
/** The pause after each message it reads. */
export const GAP_MS = 40;

// #region server
/** A WebSocket server that reads late and slowly, and says so. */
export function createSlowReader(maxPayload: number) {
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  wss.on('connection', (ws) => {
    let messages = 0;
    let bytes = 0;
    // Not reading is how a server pushes back: TCP's flow control
    // carries the pause all the way to the sender.
    ws.pause();
    let timer = setTimeout(() => ws.resume(), HOLD_MS);

    ws.on('message', (data: Buffer) => {
      messages++;
      bytes += data.length;
      ws.send(JSON.stringify({ messages, bytes }));
      ws.pause();
      clearTimeout(timer);
      timer = setTimeout(() => ws.resume(), GAP_MS);
    });
    ws.on('close', () => clearTimeout(timer));
    ws.on('error', () => {});
  });
  return wss;
}
// #endregion server
