// The close handshake from a page: which codes a script may use, and
// what each side saw when the client closed with 4000.
//
// Closing is a handshake, not a hang-up. One side sends a close frame
// (opcode 0x8) with a two-byte code and an optional UTF-8 reason of at
// most 123 bytes; the other answers with a close frame of its own;
// then the server closes the TCP connection. A connection that ends
// any other way is reported as 1006, a code never sent on the wire.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';

// #region run
/** Closes with 4000 and a reason; shows what the server received. */
export async function run(io: DemoIO): Promise<void> {
  const ws = new io.WebSocket(io.url('/ws/close-report', 'ws'));
  io.signal.addEventListener('abort', () => ws.close());
  // The server's first message names this connection.
  const hello = await new Promise<MessageEvent<string>>((resolve) => {
    ws.onmessage = resolve;
  });
  const greeting = JSON.parse(hello.data) as { connection: string };
  const { connection } = greeting;
  io.log('connected; the server will report on this connection');

  // A script may send 1000 or a code of its own, 3000 to 4999; the
  // rest belong to the protocol and its endpoints.
  // A reason is UTF-8 of at most 123 bytes: 62 × "é" is 124.
  const tooLong = 'é'.repeat(62);
  const tries: [number, string][] = [
    [CloseCode.GOING_AWAY, ''],
    [4000, tooLong],
  ];
  for (const [code, reason] of tries) {
    try {
      ws.close(code, reason);
    } catch (error) {
      const bytes = new TextEncoder().encode(reason).length;
      io.log(
        `close(${code}, ${bytes}-byte reason) throws`,
        (error as DOMException).name,
      );
    }
  }

  const closed = new Promise<CloseEvent>((resolve) => {
    ws.onclose = resolve;
  });
  ws.close(4000, 'reader left');
  io.sent('close frame: 4000 "reader left"');
  const event = await closed;
  io.received(`close frame: ${event.code} "${event.reason}"`);
  io.log('the client saw wasClean =', event.wasClean);

  const report = await fetch(io.url(`/close-reports/${connection}`), {
    signal: io.signal,
  });
  type Seen = { code: number; reason: string };
  const seen = (await report.json()) as Seen;
  io.log(`the server saw code ${seen.code}, reason "${seen.reason}"`);
}
// #endregion run
