// A frame as the frame inspector shows it: its bytes in hex, split
// into the header's fields, and what each field says. The `frames`
// view under a cell draws a list of these.

import { encodeFrame, type Frame, isControl, OPCODES } from './frame.ts';

/** At most this many payload bytes are shown; the rest are counted. */
export const SHOWN_PAYLOAD_BYTES = 16;
/** At most this many characters of text are shown. */
const SHOWN_TEXT = 40;

/** One frame, described field by field. */
export interface FrameRecord {
  /** Whose frame it is, e.g. "read" or "wrote". */
  label: string;
  /** The bytes on the wire, in hex, field by field. */
  bytes: {
    /** FIN, RSV, opcode; MASK and the 7-bit length. */
    head: string;
    /** The 16- or 64-bit length, when the 7 bits said 126 or 127. */
    length: string;
    mask: string;
    /** The payload as sent (masked, if it was). */
    payload: string;
    /** Payload bytes not shown. */
    more: number;
  };
  fin: boolean;
  rsv: number;
  opcode: string;
  masked: boolean;
  length: number;
  /** What the payload says: text, a close code and reason, or "". */
  says: string;
}

const NAMES = Object.fromEntries(
  Object.entries(OPCODES).map(([name, code]) => [code, name]),
);

/** Describes a frame as encodeFrame puts it on the wire. */
export function describeFrame(label: string, frame: Frame): FrameRecord {
  const wire = encodeFrame(frame);
  const extra =
    frame.payload.length < 126 ? 0 : frame.payload.length < 65_536 ? 2 : 8;
  const maskAt = 2 + extra;
  const payloadAt = maskAt + (frame.mask ? 4 : 0);
  const end = payloadAt + SHOWN_PAYLOAD_BYTES;
  const shown = wire.subarray(payloadAt, end);
  const code = `0x${frame.opcode.toString(16)}`;
  return {
    label,
    bytes: {
      head: hex(wire.subarray(0, 2)),
      length: hex(wire.subarray(2, maskAt)),
      mask: hex(wire.subarray(maskAt, payloadAt)),
      payload: hex(shown),
      more: frame.payload.length - shown.length,
    },
    fin: frame.fin,
    rsv: frame.rsv,
    opcode: `${code} ${NAMES[frame.opcode] ?? ''}`.trim(),
    masked: frame.mask !== undefined,
    length: frame.payload.length,
    says: says(frame),
  };
}

function says(frame: Frame) {
  const { opcode, payload } = frame;
  if (opcode === OPCODES.binary) return '';
  if (opcode === OPCODES.close && payload.length >= 2) {
    const code = (payload[0]! << 8) | payload[1]!;
    return `code ${code} ${quote(payload.subarray(2))}`.trim();
  }
  const readable = isControl(opcode) || opcode === OPCODES.text;
  return readable ? quote(payload) : '';
}

/** Text in quotes, cut short; "" for no text. */
function quote(bytes: Uint8Array) {
  if (bytes.length === 0) return '';
  const text = new TextDecoder().decode(bytes);
  const cut = text.length > SHOWN_TEXT;
  const shown = cut ? `${text.slice(0, SHOWN_TEXT)}…` : text;
  return JSON.stringify(shown);
}

function hex(bytes: Uint8Array) {
  const byte = (b: number) => b.toString(16).padStart(2, '0');
  return Array.from(bytes, byte).join(' ');
}
