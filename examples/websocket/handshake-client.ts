// Opens a WebSocket to /ws/handshake, which answers with the opening
// handshake as the server saw it: first the request this client sent,
// then the response that made it a WebSocket.
//
// In a browser the request is the browser's own, with every header it
// adds by itself, Origin and Sec-WebSocket-Key among them.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';

// #region run
/** Prints the request and the 101 response of its own handshake. */
export async function run(io: DemoIO): Promise<void> {
  const ws = new io.WebSocket(io.url('/ws/handshake', 'ws'));
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => io.log('connected to', ws.url);
    ws.onmessage = (event: MessageEvent<string>) => {
      io.received(event.data);
    };
    ws.onclose = (event) => {
      io.log('closed with code', event.code, event.reason);
      if (event.code === CloseCode.NORMAL) resolve();
      else reject(new Error(`connection closed with ${event.code}`));
    };
    const stop = () => ws.close(CloseCode.NORMAL, 'stopped');
    io.signal.addEventListener('abort', stop);
  });
}
// #endregion run
