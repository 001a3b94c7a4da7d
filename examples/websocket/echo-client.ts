// An echo client: open a WebSocket, send one text and one binary
// message, print what comes back, and close.
//
// It uses the WHATWG WebSocket API, the one every browser has and
// Node has had built in since version 22, so it runs unchanged on the
// page, in the playground and in the tests.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';

// #region run
/** Sends text and binary to /ws/echo and logs what comes back. */
export async function run(io: DemoIO): Promise<void> {
  const ws = new io.WebSocket(io.url('/ws/echo', 'ws'));
  // Binary messages arrive as ArrayBuffer instead of the default Blob,
  // which would need an extra await to read.
  ws.binaryType = 'arraybuffer';
  const bytes = new Uint8Array([0xca, 0xfe, 0xba, 0xbe]);
  const messages = ['hello, wire', bytes];
  let echoed = 0;

  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => {
      io.log('connected to', ws.url);
      for (const message of messages) {
        ws.send(message);
        io.sent(message);
      }
    };
    ws.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
      io.received(event.data);
      // The server echoes in order, so the last echo is the last sent.
      if (++echoed === messages.length) ws.close(CloseCode.NORMAL, 'done');
    };
    // 'error' carries no detail by design; 'close' says what happened.
    ws.onclose = (event) => {
      io.log('closed with code', event.code);
      if (event.code === CloseCode.NORMAL) resolve();
      else reject(new Error(`connection closed with ${event.code}`));
    };
    const stop = () => ws.close(CloseCode.NORMAL, 'stopped');
    io.signal.addEventListener('abort', stop);
  });
}
// #endregion run
