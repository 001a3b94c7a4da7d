// One RFC 6455 frame: how it is laid out in bytes, how to write it,
// and how to read it back from a byte stream cut anywhere.
//
// This file does no I/O. A socket hands the decoder whatever chunks
// TCP delivered; the decoder hands back whole frames, or throws a
// ProtocolError that says which close code ends the connection.

import { ProtocolError, type ProtocolErrorCode } from './protocol-error.ts';

// #region frame
/** Opcodes (§5.2); 0x3–0x7 and 0xB–0xF are reserved. */
export const OPCODES = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** One frame, with its payload already unmasked. */
export interface Frame {
  /** The last frame of its message. */
  fin: boolean;
  /** RSV1–RSV3 as three bits; 0 unless an extension uses them. */
  rsv: number;
  opcode: number;
  /** The 4-byte masking key: clients always mask, servers never. */
  mask?: Uint8Array | undefined;
  payload: Uint8Array;
}

/** Control frames (close, ping, pong) have the opcode's top bit. */
export const isControl = (opcode: number) => (opcode & 0x8) !== 0;
// #endregion frame

// #region encode
/** The bytes of one frame, masked when it carries a key. */
export function encodeFrame(frame: Frame): Uint8Array {
  const { payload, mask } = frame;
  const length = payload.length;
  if (isControl(frame.opcode) && (length > 125 || !frame.fin)) {
    throw new RangeError('a control frame is final and ≤ 125 bytes');
  }
  // The length takes 7 bits, or 7 bits saying "16 follow" (126),
  // or "64 follow" (127). Always the shortest form that fits.
  const extra = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const start = 2 + extra + (mask ? 4 : 0);
  const bytes = new Uint8Array(start + length);
  const view = new DataView(bytes.buffer);
  bytes[0] = (frame.fin ? 0x80 : 0) | (frame.rsv << 4) | frame.opcode;
  const code = extra === 0 ? length : extra === 2 ? 126 : 127;
  bytes[1] = (mask ? 0x80 : 0) | code;
  if (extra === 2) view.setUint16(2, length);
  if (extra === 8) view.setBigUint64(2, BigInt(length));
  if (mask) bytes.set(mask, start - 4);
  bytes.set(mask ? applyMask(payload, mask) : payload, start);
  return bytes;
}

/** XORs data with the key, byte i with key[i % 4]; undoes itself. */
export function applyMask(data: Uint8Array, key: Uint8Array) {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ key[i & 3]!;
  return out;
}
// #endregion encode

// #region decoder-state
/** What the decoder waits for next, named as in ws's receiver. */
export type DecoderState =
  | 'GET_INFO'
  | 'GET_PAYLOAD_LENGTH_16'
  | 'GET_PAYLOAD_LENGTH_64'
  | 'GET_MASK'
  | 'GET_DATA';

/** How strict a decoder is, which depends on its side. */
export interface DecoderOptions {
  /** True on a server: every client frame must be masked. */
  masked: boolean;
  /** The largest payload a frame may declare (larger: 1009). */
  maxPayload: number;
  /** RSV bits a negotiated extension claims; none by default. */
  allowedRsv?: number;
}

// #endregion decoder-state

const KNOWN: ReadonlySet<number> = new Set(Object.values(OPCODES));

// #region decoder-push
/** Reads frames from a byte stream delivered in chunks of any size. */
export class FrameDecoder {
  #state: DecoderState = 'GET_INFO';
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #frame: Frame = { fin: true, rsv: 0, opcode: 0, payload: EMPTY };
  #length = 0;
  #failure: ProtocolError | undefined;
  readonly #options: DecoderOptions;

  constructor(options: DecoderOptions) {
    this.#options = options;
  }

  get state(): DecoderState {
    return this.#state;
  }

  /** Takes a chunk; calls onFrame for each frame it completes. */
  push(chunk: Uint8Array, onFrame: (frame: Frame) => void) {
    if (this.#failure) throw this.#failure;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    // Each state needs a known number of bytes; wait until they came.
    while (this.#buffered >= this.#needs()) {
      let frame: Frame | undefined;
      try {
        frame = this.#step(this.#take(this.#needs()));
      } catch (error) {
        this.#failure = error as ProtocolError;
        throw error;
      }
      if (frame) onFrame(frame);
    }
  }
  // #endregion decoder-push

  // #region decoder-steps
  #needs() {
    switch (this.#state) {
      case 'GET_INFO':
        return 2;
      case 'GET_PAYLOAD_LENGTH_16':
        return 2;
      case 'GET_PAYLOAD_LENGTH_64':
        return 8;
      case 'GET_MASK':
        return 4;
      case 'GET_DATA':
        return this.#length;
    }
  }

  #step(bytes: Uint8Array): Frame | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    switch (this.#state) {
      case 'GET_INFO':
        return this.#info(bytes[0]!, bytes[1]!);
      case 'GET_PAYLOAD_LENGTH_16':
        return this.#size(view.getUint16(0));
      case 'GET_PAYLOAD_LENGTH_64': {
        const high = view.getUint32(0);
        if (high >= 0x8000_0000) fail('WS_ERR_INVALID_LENGTH');
        return this.#size(high * 2 ** 32 + view.getUint32(4));
      }
      case 'GET_MASK':
        this.#frame.mask = bytes;
        this.#state = 'GET_DATA';
        return undefined;
      case 'GET_DATA': {
        const { mask } = this.#frame;
        const payload = mask ? applyMask(bytes, mask) : bytes;
        this.#state = 'GET_INFO';
        return { ...this.#frame, payload };
      }
    }
  }
  // #endregion decoder-steps

  // #region rules
  #info(first: number, second: number) {
    const fin = (first & 0x80) !== 0;
    const rsv = (first >> 4) & 0b111;
    const opcode = first & 0x0f;
    const masked = (second & 0x80) !== 0;
    const length = second & 0x7f;
    const allowedRsv = this.#options.allowedRsv ?? 0;
    if (rsv & ~allowedRsv) fail('WS_ERR_UNEXPECTED_RSV');
    if (!KNOWN.has(opcode)) fail('WS_ERR_INVALID_OPCODE');
    if (isControl(opcode) && !fin) fail('WS_ERR_FRAGMENTED_CONTROL');
    if (isControl(opcode) && length > 125) {
      fail('WS_ERR_CONTROL_TOO_LONG');
    }
    if (masked !== this.#options.masked) {
      fail(masked ? 'WS_ERR_UNEXPECTED_MASK' : 'WS_ERR_EXPECTED_MASK');
    }
    this.#frame = { fin, rsv, opcode, payload: EMPTY };
    if (length === 126) this.#state = 'GET_PAYLOAD_LENGTH_16';
    else if (length === 127) this.#state = 'GET_PAYLOAD_LENGTH_64';
    else return this.#size(length);
    return undefined;
  }

  #size(length: number) {
    // Refuse before buffering a byte of it: the length is a promise
    // the peer has not kept yet, and memory is ours.
    if (length > this.#options.maxPayload) fail('WS_ERR_TOO_BIG');
    this.#length = length;
    this.#state = this.#options.masked ? 'GET_MASK' : 'GET_DATA';
    return undefined;
  }
  // #endregion rules

  /** Removes the next n buffered bytes, joining chunks as needed. */
  #take(n: number): Uint8Array {
    const first = this.#chunks[0];
    this.#buffered -= n;
    if (first && first.length >= n) {
      if (first.length === n) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = new Uint8Array(n);
    let filled = 0;
    let used = 0;
    while (filled < n) {
      const chunk = this.#chunks[used]!;
      const part = chunk.subarray(0, n - filled);
      out.set(part, filled);
      filled += part.length;
      if (part.length === chunk.length) used++;
      else this.#chunks[used] = chunk.subarray(part.length);
    }
    // One splice, however many small chunks a payload came in.
    this.#chunks.splice(0, used);
    return out;
  }
}

const EMPTY = new Uint8Array();

function fail(code: ProtocolErrorCode): never {
  throw new ProtocolError(code);
}
