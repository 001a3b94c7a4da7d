// Text and binary messages, and what a page receives for each.
//
// Every WebSocket message is either text (opcode 0x1), which must be
// valid UTF-8, or binary (opcode 0x2), which may be any bytes. The
// sender picks by what it passes to send(): a string goes as text;
// an ArrayBuffer, a typed array or a Blob goes as binary. The
// receiver gets text as a string, and binary as a Blob or an
// ArrayBuffer, as its `binaryType` says.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';

// #region run
/** Sends a string, bytes and a Blob to /ws/echo, twice. */
export async function run(io: DemoIO): Promise<void> {
  const text = 'héllo';
  const utf8 = new TextEncoder().encode(text);
  io.log(
    `"${text}" is ${text.length} characters,`,
    utf8.length,
    'bytes of UTF-8 on the wire',
  );
  const bytes = new Uint8Array([0xca, 0xfe]);
  type Data = string | Uint8Array<ArrayBuffer> | Blob;
  const messages: [string, Data][] = [
    ['a string', text],
    ['a Uint8Array', bytes],
    ['a Blob', new Blob([bytes])],
  ];

  const rows = [];
  for (const binaryType of ['blob', 'arraybuffer'] as const) {
    const ws = await connect(io, binaryType);
    for (const [sent, data] of messages) {
      const echo = nextMessage(ws);
      ws.send(data);
      rows.push({
        binaryType,
        sent,
        kind: typeof data === 'string' ? 'text' : 'binary',
        received: await describe(await echo),
      });
    }
    ws.close(CloseCode.NORMAL);
  }
  io.show('table', rows);
}
// #endregion run

// #region describe
/** What arrived: its type, and its content. */
async function describe(data: unknown): Promise<string> {
  if (typeof data === 'string') return `string "${data}"`;
  // A Blob's bytes take one more await to read; that is the price
  // of the default binaryType, which suits large data best.
  if (data instanceof Blob) {
    return `Blob of ${hex(await data.arrayBuffer())}`;
  }
  if (data instanceof ArrayBuffer) return `ArrayBuffer of ${hex(data)}`;
  return `something else: ${String(data)}`;
}
// #endregion describe

function hex(buffer: ArrayBuffer) {
  return Array.from(new Uint8Array(buffer), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join(' ');
}

/** Opens /ws/echo with `binaryType` set. */
function connect(io: DemoIO, binaryType: BinaryType) {
  const ws = new io.WebSocket(io.url('/ws/echo', 'ws'));
  ws.binaryType = binaryType;
  io.signal.addEventListener('abort', () => ws.close());
  return new Promise<WebSocket>((resolve, reject) => {
    ws.onopen = () => resolve(ws);
    ws.onclose = (event) =>
      reject(new Error(`connection closed with ${event.code}`));
  });
}

/** The data of the next message `ws` receives. */
function nextMessage(ws: WebSocket) {
  return new Promise<unknown>((resolve) => {
    ws.onmessage = (event: MessageEvent) => resolve(event.data);
  });
}
