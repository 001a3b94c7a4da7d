// Framing: how messages survive a stream that has no messages.
//
// TCP delivers bytes in order, but not in the pieces they were
// written in: one write may arrive as several reads, and several
// writes as one read. A protocol on TCP must mark where each message
// ends. The two common ways are a delimiter (a newline, as in SMTP,
// Redis and JSON Lines) and a length prefix (as in TLS records and
// most binary protocols). Both decoders here are pure state machines:
// feed them reads of any size, and they return whole messages. Like
// Go's bufio.Scanner, a decoder that meets a bad stream returns the
// messages before the fault and then holds the error in `err`.

// #region errors
/** Why a stream cannot be framed: a stable code for each fault. */
export type FramingCode = 'LINE_TOO_LONG' | 'FRAME_TOO_LARGE' | 'TRUNCATED';

/** A stream that breaks the framing rules; the connection must end. */
export class FramingError extends Error {
  override name = 'FramingError';
  readonly code: FramingCode;
  constructor(code: FramingCode, message: string) {
    super(message);
    this.code = code;
  }
}
// #endregion errors

const NEWLINE = 0x0a;

// #region lines
/** Splits a byte stream into lines, each ending in "\n". */
export class LineDecoder {
  readonly maxLineBytes: number;
  /** Why decoding stopped, as Go's scanner.Err(); null until then. */
  err: FramingError | null = null;
  #parts: Uint8Array[] = [];
  #length = 0;
  constructor(maxLineBytes = 64 * 1024) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Takes one read's bytes; returns the lines they complete. */
  push(chunk: Uint8Array): Uint8Array[] {
    const lines: Uint8Array[] = [];
    let start = 0;
    while (this.err === null) {
      const end = chunk.indexOf(NEWLINE, start);
      // Without a newline, the rest starts a line still to come.
      this.#keep(chunk.subarray(start, end === -1 ? undefined : end));
      if (end === -1 || this.err !== null) break;
      lines.push(this.#take());
      start = end + 1;
    }
    return lines;
  }

  /** At the end of the stream: an unterminated last line, if any. */
  end(): Uint8Array | null {
    return this.#length > 0 && this.err === null ? this.#take() : null;
  }
  // #endregion lines

  // #region lines-keep
  #keep(part: Uint8Array) {
    this.#length += part.length;
    // Checked before the newline arrives, so a peer that never sends
    // one cannot make us buffer without bound.
    if (this.#length > this.maxLineBytes) {
      this.err = new FramingError(
        'LINE_TOO_LONG',
        `line longer than ${this.maxLineBytes} bytes`,
      );
      this.#parts = [];
    } else if (part.length > 0) {
      // Copied: the caller may reuse the buffer it read into.
      this.#parts.push(part.slice());
    }
  }

  #take(): Uint8Array {
    const line = concat(this.#parts, this.#length);
    this.#parts = [];
    this.#length = 0;
    return line;
  }
}

/** One message as a line. It must not contain a newline itself. */
export function encodeLine(message: Uint8Array): Uint8Array {
  if (message.includes(NEWLINE)) {
    throw new TypeError('a line-framed message cannot contain "\\n"');
  }
  return concat([message, Uint8Array.of(NEWLINE)]);
}
// #endregion lines-keep

/** The size of a length prefix: a 32-bit big-endian count. */
export const PREFIX_BYTES = 4;

// #region length
/** Splits a byte stream of frames: a 4-byte length, then the bytes. */
export class LengthPrefixDecoder {
  readonly maxFrameBytes: number;
  /** Why decoding stopped; null until then. */
  err: FramingError | null = null;
  // The two states: reading a prefix, or reading `need` body bytes.
  #state: 'prefix' | 'body' = 'prefix';
  #need = PREFIX_BYTES;
  #parts: Uint8Array[] = [];
  #have = 0;
  constructor(maxFrameBytes = 64 * 1024) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Takes one read's bytes; returns the frames they complete. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    let at = 0;
    while (
      this.err === null &&
      (at < chunk.length || this.#have === this.#need)
    ) {
      const take = Math.min(this.#need - this.#have, chunk.length - at);
      if (take > 0) this.#parts.push(chunk.slice(at, at + take));
      this.#have += take;
      at += take;
      if (this.#have < this.#need) break;
      const whole = concat(this.#parts, this.#have);
      this.#parts = [];
      this.#have = 0;
      if (this.#state === 'body') {
        frames.push(whole);
        this.#state = 'prefix';
        this.#need = PREFIX_BYTES;
      } else {
        this.#state = 'body';
        this.#need = this.#lengthIn(whole);
      }
    }
    return frames;
  }
  // #endregion length

  // #region length-end
  /** At the end of the stream: a frame cut off is an error too. */
  end(): void {
    const inside = this.#state === 'body' || this.#have > 0;
    if (this.err === null && inside) {
      this.err = new FramingError(
        'TRUNCATED',
        `the stream ended inside a frame (${this.#have} of ` +
          `${this.#need} ${this.#state} bytes)`,
      );
    }
  }

  /** The length a prefix announces; over the limit, an error. */
  #lengthIn(prefix: Uint8Array): number {
    const length = new DataView(prefix.buffer).getUint32(0);
    // Refused on the prefix alone: nothing is buffered for it.
    if (length > this.maxFrameBytes) {
      this.err = new FramingError(
        'FRAME_TOO_LARGE',
        `frame of ${length} bytes is over the limit of ` +
          `${this.maxFrameBytes}`,
      );
    }
    return length;
  }
}

/** One message as a frame: its length, then its bytes. */
export function encodeFrame(message: Uint8Array): Uint8Array {
  const frame = new Uint8Array(PREFIX_BYTES + message.length);
  new DataView(frame.buffer).setUint32(0, message.length);
  frame.set(message, PREFIX_BYTES);
  return frame;
}
// #endregion length-end

/** Joins byte arrays into one. */
export function concat(
  parts: Uint8Array[],
  length = parts.reduce((sum, part) => sum + part.length, 0),
): Uint8Array {
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
