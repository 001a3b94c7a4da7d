// Opens a WebSocket to /ws/handshake, which answers with the opening
// handshake as the server saw it: first the request this client sent,
// then the response that made it a WebSocket.
//
// In a browser the request is the browser's own, with every header it
// adds by itself, Origin and Sec-WebSocket-Key among them.

import type { DemoIO } from '../demo-io.ts';

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
      if (event.code === 1000) resolve();
      else reject(new Error(`connection closed with ${event.code}`));
    };
    const stop = () => ws.close(1000, 'stopped');
    io.signal.addEventListener('abort', stop);
  });
}
// #endregion run
