// The one interface every runnable demo is written against.
//
// A demo is `export async function run(io: DemoIO)`. The same function
// runs in three places: under a cell on the page (the browser's own
// WebSocket), in the playground server (demos a browser cannot run),
// and in vitest. `DemoIO` carries what differs between those places.

// #region interface
/** What a demo is given by whoever runs it. */
export interface DemoIO {
  /** An absolute URL on the playground, e.g. url('/ws/echo', 'ws'). */
  url(path: string, scheme?: 'http' | 'ws'): string;
  /** A WHATWG WebSocket constructor: the browser's, or Node's own. */
  WebSocket: typeof WebSocket;
  /** Aborted by Stop, by the run's time limit, or by the test. */
  signal: AbortSignal;
  /** A line of commentary. */
  log(...parts: unknown[]): void;
  /** Data this demo put on the wire. */
  sent(data: Payload): void;
  /** Data that came back. */
  received(data: Payload): void;
  /**
   * A structured result for a view on the page to draw, e.g.
   * show('table', rows). Tests assert the value itself.
   */
  show(view: string, value: unknown): void;
}

/** Text travels as a string; anything binary as bytes. */
export type Payload = string | ArrayBuffer | ArrayBufferView;

/** A demo: the exported `run` of an example file. */
export type Demo = (io: DemoIO) => Promise<void>;
// #endregion interface

/** Which way an output line goes. `error` lines come from the runner. */
export type Direction = 'sent' | 'received' | 'info' | 'error';

/** One line of a demo's output, as every runner records it. */
export type Line = TextLine | ViewLine;

/** A line of text or bytes. */
export interface TextLine {
  /** Milliseconds since the run started. */
  at: number;
  direction: Direction;
  /** Text, or the bytes of a binary payload. */
  data: string | Uint8Array;
}

/** A structured value for a named view (src/cell/views.ts) to draw. */
export interface ViewLine {
  at: number;
  direction: 'view';
  view: string;
  value: unknown;
}

/** Where a runner sends lines, and what it connects the demo to. */
export interface RunnerOptions {
  /** The playground's origin, e.g. http://127.0.0.1:8080 */
  base: string;
  WebSocket: typeof WebSocket;
  signal: AbortSignal;
  emit(line: Line): void;
  /** A clock in milliseconds; performance.now by default. */
  now?: () => number;
}

/** Builds the DemoIO that all three runners hand to a demo. */
export function createDemoIO(options: RunnerOptions): DemoIO {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const at = () => Math.round(now() - start);
  const line = (direction: Direction, data: string | Uint8Array) =>
    options.emit({ at: at(), direction, data });
  return {
    url(path, scheme = 'http') {
      const url = new URL(path, options.base);
      if (scheme === 'ws') {
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      }
      return url.href;
    },
    WebSocket: options.WebSocket,
    signal: options.signal,
    log: (...parts) => line('info', parts.map(formatPart).join(' ')),
    sent: (data) => line('sent', toLineData(data)),
    received: (data) => line('received', toLineData(data)),
    show: (view, value) =>
      options.emit({ at: at(), direction: 'view', view, value }),
  };
}

/**
 * Runs a demo to its end and turns a throw into an error line, so a
 * failing demo reports in its output, not only in a console. An abort
 * ends the run at once, even if the demo does not listen for it.
 * Resolves true when the demo finished without error.
 */
export async function runDemo(demo: Demo, options: RunnerOptions) {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const { signal } = options;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    signal.throwIfAborted();
    await Promise.race([demo(createDemoIO({ ...options, now })), aborted]);
    return true;
  } catch (error) {
    options.emit({
      at: Math.round(now() - start),
      direction: 'error',
      data: describeError(error, signal),
    });
    return false;
  } finally {
    signal.removeEventListener('abort', onAbort);
    aborted.catch(() => {});
  }
}

/** A one-line explanation of why a run failed. */
export function describeError(error: unknown, signal?: AbortSignal) {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    const why = reason instanceof Error ? reason.message : String(reason);
    return why ? `stopped: ${why}` : 'stopped';
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function toLineData(data: Payload): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(
    data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  );
}

function formatPart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  if (typeof part === 'bigint') return `${part}n`;
  if (part === undefined) return 'undefined';
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/** A line as one string: its direction, then its text. */
export function formatLine(line: Line): string {
  if (line.direction === 'view') {
    return `view ${line.view} ${JSON.stringify(line.value)}`;
  }
  return `${line.direction} ${formatData(line.data)}`;
}

/** How a line's data reads as text: binary becomes length and hex. */
export function formatData(data: string | Uint8Array): string {
  if (typeof data === 'string') return data;
  const hex = Array.from(data, (b) => b.toString(16).padStart(2, '0'));
  const noun = data.length === 1 ? 'byte' : 'bytes';
  return `${data.length} ${noun}: ${hex.join(' ')}`;
}
