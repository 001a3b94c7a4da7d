// The frame codec at work, in your browser: RFC 6455's example frames
// encoded, then decoded from a stream that arrives one byte at a time,
// and a few broken frames refused with their close codes.
//
// Nothing here touches the network: frame.ts and message.ts are plain
// functions over bytes, which is what lets them run on a page.

import type { DemoIO } from '../demo-io.ts';
import { encodeFrame, type Frame, FrameDecoder } from './frame.ts';
import { describeFrame } from './frame-record.ts';
import { MessageReader } from './message.ts';
import { ProtocolError } from './protocol-error.ts';

const text = (s: string) => new TextEncoder().encode(s);
const key = Uint8Array.of(0x37, 0xfa, 0x21, 0x3d);
const frame = (opcode: number, payload: Uint8Array, more = {}): Frame => ({
  fin: true,
  rsv: 0,
  opcode,
  payload,
  ...more,
});

// #region examples
/** RFC 6455 §5.7's examples: a client's frames carry a mask. */
const EXAMPLES: [string, Frame][] = [
  ['text', frame(0x1, text('Hello'))],
  ['masked text', frame(0x1, text('Hello'), { mask: key })],
  ['first fragment', frame(0x1, text('Hel'), { fin: false })],
  ['last fragment', frame(0x0, text('lo'))],
  ['ping', frame(0x9, text('Hello'))],
  ['masked pong', frame(0xa, text('Hello'), { mask: key })],
  ['256 bytes', frame(0x2, new Uint8Array(256))],
  ['64 KiB', frame(0x2, new Uint8Array(65_536))],
];
// #endregion examples

// #region run
/** Encodes, decodes byte by byte, and refuses broken frames. */
export async function run(io: DemoIO): Promise<void> {
  const records = EXAMPLES.map(([name, f]) => describeFrame(name, f));
  io.show('frames', records);

  for (const [name, f] of [EXAMPLES[1]!, ...EXAMPLES.slice(-2)]) {
    // A server's decoder expects masks; a client's refuses them.
    const decoder = new FrameDecoder({
      masked: f.mask !== undefined,
      maxPayload: 65_536,
    });
    // Feed the frame one byte at a time; note each change of state
    // and how many bytes the state before it waited for.
    const steps: string[] = [];
    let state = decoder.state;
    let waited = 0;
    for (const byte of encodeFrame(f)) {
      waited++;
      decoder.push(Uint8Array.of(byte), () => {});
      if (decoder.state === state) continue;
      steps.push(`${state} (${waited})`);
      [state, waited] = [decoder.state, 0];
    }
    steps.push('frame');
    io.log(`${name}, one byte at a time:`, steps.join(' → '));
  }

  for (const [name, hex] of BROKEN) {
    const decoder = new FrameDecoder({
      masked: true,
      maxPayload: 65_536,
    });
    const reader = new MessageReader(65_536);
    try {
      decoder.push(fromHex(hex), (f) => reader.read(f));
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      io.log(`${name}: ${error.code} → close ${error.closeCode}`);
    }
  }
}
// #endregion run

// #region broken
/** Frames a server must refuse, as a client would send them. */
const BROKEN: [string, string][] = [
  ['unmasked text', '81 05 48 65 6c 6c 6f'],
  ['opcode 0x3', '83 80 00 00 00 00'],
  ['fragmented ping', '09 80 00 00 00 00'],
  ['text "\\xc3\\x28"', '81 82 00 00 00 00 c3 28'],
  ['a 1 MiB length', '82 ff 00 00 00 00 00 10 00 00'],
];
// #endregion broken

function fromHex(hex: string) {
  return Uint8Array.from(hex.split(' '), (b) => parseInt(b, 16));
}
