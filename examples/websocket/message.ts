// From frames to messages: fragments joined, text checked as UTF-8
// while it arrives, and the payload of a close frame read.
//
// A message is one data frame with FIN set, or a text or binary frame
// without FIN followed by continuation frames up to one with FIN.
// Control frames may come between fragments and are answered at once.

import { CloseCode } from './close-codes.ts';
import { type Frame, isControl, OPCODES } from './frame.ts';
import { ProtocolError } from './protocol-error.ts';

/** What a frame means once its message is whole. */
export type WsEvent =
  | { type: 'text'; data: string }
  | { type: 'binary'; data: Uint8Array }
  | { type: 'ping' | 'pong'; data: Uint8Array }
  | { type: 'close'; code: number; reason: string };

// #region reader
/** Joins data frames into messages, at most maxBytes each. */
export class MessageReader {
  #opcode: number | undefined;
  #parts: Uint8Array[] = [];
  #size = 0;
  #text = '';
  // `fatal` makes bad UTF-8 throw instead of becoming U+FFFD;
  // `stream` keeps a character cut between two fragments for later.
  #utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  readonly #maxBytes: number;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Takes a frame; returns an event when it completes one. */
  read(frame: Frame): WsEvent | undefined {
    if (isControl(frame.opcode)) return control(frame);
    if (frame.opcode === OPCODES.continuation) {
      if (this.#opcode === undefined) {
        throw new ProtocolError('WS_ERR_UNEXPECTED_CONTINUATION');
      }
    } else if (this.#opcode !== undefined) {
      throw new ProtocolError('WS_ERR_EXPECTED_CONTINUATION');
    } else {
      this.#opcode = frame.opcode;
    }
    this.#size += frame.payload.length;
    if (this.#size > this.#maxBytes) {
      throw new ProtocolError('WS_ERR_TOO_BIG');
    }
    if (this.#opcode === OPCODES.text) {
      // Checked fragment by fragment, so bad text fails at once.
      this.#text += utf8(this.#utf8, frame.payload, !frame.fin);
    } else {
      this.#parts.push(frame.payload);
    }
    if (!frame.fin) return undefined;
    const event: WsEvent =
      this.#opcode === OPCODES.text
        ? { type: 'text', data: this.#text }
        : { type: 'binary', data: join(this.#parts, this.#size) };
    this.#opcode = undefined;
    this.#parts = [];
    this.#size = 0;
    this.#text = '';
    return event;
  }
}
// #endregion reader

function control(frame: Frame): WsEvent {
  const { opcode, payload } = frame;
  if (opcode === OPCODES.ping) return { type: 'ping', data: payload };
  if (opcode === OPCODES.pong) return { type: 'pong', data: payload };
  return { type: 'close', ...decodeClose(payload) };
}

// #region close
/** Codes a close frame may carry (§7.4): others are a 1002. */
export function isValidCloseCode(code: number) {
  // RESERVED is reserved; NO_STATUS, ABNORMAL and TLS_HANDSHAKE only
  // report what happened locally and never go on the wire; 3000–4999
  // are for applications.
  const registered =
    code >= CloseCode.NORMAL &&
    code <= CloseCode.BAD_GATEWAY &&
    !NEVER_SENT.includes(code);
  return registered || (code >= 3000 && code <= 4999);
}

const NEVER_SENT: number[] = [
  CloseCode.RESERVED,
  CloseCode.NO_STATUS,
  CloseCode.ABNORMAL,
];

/** A close frame's code and reason; NO_STATUS when it has no code. */
export function decodeClose(payload: Uint8Array) {
  if (payload.length === 0) {
    return { code: CloseCode.NO_STATUS, reason: '' };
  }
  if (payload.length === 1) {
    throw new ProtocolError('WS_ERR_INVALID_CLOSE_LENGTH');
  }
  const code = (payload[0]! << 8) | payload[1]!;
  if (!isValidCloseCode(code)) {
    throw new ProtocolError('WS_ERR_INVALID_CLOSE_CODE');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return { code, reason: utf8(decoder, payload.subarray(2), false) };
}

/** A close payload: two bytes of code, then the reason in UTF-8. */
export function encodeClose(code: number, reason = ''): Uint8Array {
  if (code === CloseCode.NO_STATUS) return new Uint8Array();
  const text = new TextEncoder().encode(reason);
  const payload = new Uint8Array(2 + text.length);
  payload.set([code >> 8, code & 0xff]);
  payload.set(text, 2);
  return payload;
}
// #endregion close

function utf8(decoder: TextDecoder, bytes: Uint8Array, more: boolean) {
  try {
    return decoder.decode(bytes, { stream: more });
  } catch {
    throw new ProtocolError('WS_ERR_INVALID_UTF8');
  }
}

function join(parts: Uint8Array[], size: number) {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
