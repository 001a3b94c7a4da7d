// Sends a text and a binary message to the stream echo server and
// says what type each came back as.

import type { DemoIO } from '../demo-io.ts';

// #region run
/** Echoes text and bytes through /ws/stream-echo. */
export async function run(io: DemoIO): Promise<void> {
  const ws = new io.WebSocket(io.url('/ws/stream-echo', 'ws'));
  ws.binaryType = 'arraybuffer';
  io.signal.addEventListener('abort', () => ws.close());
  const messages = ['hello, stream', new Uint8Array([0xca, 0xfe])];
  const echoes: (string | ArrayBuffer)[] = [];

  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => {
      for (const message of messages) {
        ws.send(message);
        io.sent(message);
      }
    };
    ws.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
      io.received(event.data);
      if (echoes.push(event.data) === messages.length) ws.close();
    };
    ws.onclose = (event) => {
      if (echoes.length === messages.length) resolve();
      else reject(new Error(`connection closed with ${event.code}`));
    };
  });

  const kind = (m: unknown) => (typeof m === 'string' ? 'text' : 'binary');
  messages.forEach((sent, i) => {
    io.log(
      `message ${i + 1} went as ${kind(sent)},`,
      `came back as ${kind(echoes[i])}`,
    );
  });
}
// #endregion run
