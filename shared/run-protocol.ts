// The messages of WS /ws/run, in the one place both ends read them:
// the playground's run mount (mounts/run.ts) and the page's
// playground runner (src/cell/playground-runner.ts).
//
// A page opens /ws/run?demo=<id>. The playground runs that demo and
// sends each of its lines as one JSON text message, then one `end`
// message, then closes with 1000. A run it refuses gets one error
// line, then a close code that says why. Closing the socket stops
// the run.

import type { Direction, Line } from '../examples/demo-io.ts';
import { CloseCode } from '../examples/websocket/close-codes.ts';

/** The endpoint, and the query parameter that names the demo. */
export const RUN_PATH = '/ws/run';
export const DEMO_PARAM = 'demo';

/** What the playground sends: a line, or the end of the run. */
export type RunMessage = { type: 'line'; line: Line } | { type: 'end'; ok: boolean };

/** A text line as JSON; bytes travel as hex. */
type WireLine =
  | { at: number; direction: Direction; text: string }
  | { at: number; direction: Direction; hex: string }
  | { at: number; direction: 'view'; view: string; value: unknown };

/** The codes a run is refused with. */
export type RunRefusalCode = 'UNKNOWN_DEMO' | 'TOO_MANY_RUNS' | 'NO_MESSAGES';

/** Why the playground will not run a demo: a code and a close code. */
export class RunRefusal extends Error {
  override name = 'RunRefusal';
  readonly code: RunRefusalCode;
  readonly closeCode: number;

  constructor(code: RunRefusalCode, closeCode: number, message: string) {
    super(message);
    this.code = code;
    this.closeCode = closeCode;
  }
}

/** Every refusal, by situation. */
export const runRefusals = {
  unknownDemo: (id: string, known: string[]) =>
    new RunRefusal(
      'UNKNOWN_DEMO',
      CloseCode.POLICY_VIOLATION,
      `no server-run demo "${id}"; the playground runs only ` + `${known.join(', ')}`,
    ),
  tooManyForClient: (max: number) =>
    new RunRefusal(
      'TOO_MANY_RUNS',
      CloseCode.TRY_AGAIN_LATER,
      `you already have ${max} demos running here; wait for one to end, or stop one`,
    ),
  tooManyRuns: (max: number) =>
    new RunRefusal(
      'TOO_MANY_RUNS',
      CloseCode.TRY_AGAIN_LATER,
      `the playground is running its limit of ${max} demos; try again in a moment`,
    ),
  noMessages: () =>
    new RunRefusal(
      'NO_MESSAGES',
      CloseCode.UNSUPPORTED_DATA,
      `${RUN_PATH} takes no messages; close the socket to stop a run`,
    ),
};

/** A message as the JSON text that goes on the wire. */
export function encodeRunMessage(message: RunMessage): string {
  if (message.type === 'end') return JSON.stringify(message);
  const { line } = message;
  let wire: WireLine;
  if (line.direction === 'view') wire = line;
  else if (typeof line.data === 'string') {
    wire = { at: line.at, direction: line.direction, text: line.data };
  } else {
    wire = { at: line.at, direction: line.direction, hex: toHex(line.data) };
  }
  return JSON.stringify({ type: 'line', line: wire });
}

/** Reads a message; throws a TypeError for anything else. */
export function decodeRunMessage(text: string): RunMessage {
  const message: unknown = JSON.parse(text);
  if (isObject(message) && message['type'] === 'end') {
    return { type: 'end', ok: message['ok'] === true };
  }
  const line = isObject(message) ? message['line'] : undefined;
  if (!isObject(line) || typeof line['at'] !== 'number') {
    throw new TypeError(`not a ${RUN_PATH} message: ${text.slice(0, 80)}`);
  }
  const at = line['at'];
  const direction = line['direction'];
  if (direction === 'view' && typeof line['view'] === 'string') {
    return {
      type: 'line',
      line: { at, direction, view: line['view'], value: line['value'] },
    };
  }
  if (!DIRECTIONS.includes(direction as Direction)) {
    throw new TypeError(`unknown line direction: ${String(direction)}`);
  }
  const data = typeof line['text'] === 'string' ? line['text'] : fromHex(String(line['hex']));
  return { type: 'line', line: { at, direction: direction as Direction, data } };
}

const DIRECTIONS: Direction[] = ['sent', 'received', 'info', 'error'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) {
    throw new TypeError('line bytes are not hex');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}
