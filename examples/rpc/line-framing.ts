// Framing: where one message ends on a byte stream.
//
// TCP delivers bytes, not messages: one read may hold half a request
// or three of them. So the stream needs a framing rule. Ours is
// newline-delimited JSON: one message a line. JSON text itself may
// hold newlines between tokens (RFC 8259 §2), but compact JSON, as
// JSON.stringify writes it without an indent, has no whitespace at
// all, and a newline inside a string must be escaped as \n (§7). So
// every sender that writes compact JSON puts a raw newline only at the
// end of a message, and lines can be typed and read with `nc`. Go's
// jsonrpc writes this way too: its json.Encoder ends every compact
// value with "\n" (its json.Decoder, reading, accepts any spacing).
//
// A length prefix is the other common rule, and the one to pick for
// binary codecs such as MessagePack, whose bytes may hold 0x0a.
// This file does no I/O: bytes in, complete lines out.

import { TransportError } from './errors.ts';

const NEWLINE = 0x0a;
const RETURN = 0x0d;

// #region framer
// #region push
/** Splits a byte stream into lines of at most `maxLineBytes`. */
export class LineFramer {
  #parts: Uint8Array[] = [];
  #size = 0;
  readonly maxLineBytes: number;

  constructor(maxLineBytes: number) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Takes the next chunk; returns the lines it completes. */
  push(chunk: Uint8Array): Uint8Array[] {
    const lines: Uint8Array[] = [];
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    while (end !== -1) {
      this.#keep(chunk.subarray(start, end));
      const line = this.#take();
      // "\r\n" is accepted too, and blank lines are skipped.
      const crlf = line.at(-1) === RETURN;
      const text = crlf ? line.subarray(0, -1) : line;
      if (text.length > 0) lines.push(text);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    this.#keep(chunk.subarray(start));
    return lines;
  }
  // #endregion push
  // #region keep

  #keep(bytes: Uint8Array) {
    this.#size += bytes.length;
    // Refuse as soon as a line is too long, not when it finally ends:
    // otherwise a peer that never sends "\n" fills our memory.
    if (this.#size > this.maxLineBytes) {
      throw new TransportError(
        'PAYLOAD_TOO_LARGE',
        `a line over ${this.maxLineBytes} bytes`,
      );
    }
    if (bytes.length > 0) this.#parts.push(bytes.slice());
  }

  #take(): Uint8Array {
    const line = new Uint8Array(this.#size);
    let at = 0;
    for (const part of this.#parts) {
      line.set(part, at);
      at += part.length;
    }
    this.#parts = [];
    this.#size = 0;
    return line;
  }
}
// #endregion keep
// #endregion framer

/** One message as a line: its text and the newline that ends it. */
export function toLine(message: string): string {
  return `${message}\n`;
}
