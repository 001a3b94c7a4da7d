// The Web Worker that runs a reader's edited demo (see worker-runner.ts).
//
// It imports the linked module, runs its `run(io)` with the same
// DemoIO the page gives the tested original, and posts each line back.
// An error that names a line of the edited module says which line of
// the editor that is.

import { type Demo, type Line, runDemo } from '../../examples/demo-io.ts';
import { MAX_LINES } from './limits.ts';
import type { FromWorker, ToWorker } from './worker-runner.ts';

/** The parts of a dedicated worker's global scope this uses. */
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
};

const controller = new AbortController();
const started = performance.now();
let entry = '';
let lineOffset = 0;

// Lines wait here until the worker's event loop turns, then go to the
// page in one message. Only the latest MAX_LINES are kept.
let pending: Line[] = [];
let dropped = 0;
let flushing = false;

function emit(line: Line) {
  pending.push(line);
  if (pending.length > MAX_LINES) {
    pending.shift();
    dropped++;
  }
  if (!flushing) {
    flushing = true;
    setTimeout(flush, 0);
  }
}

function flush() {
  flushing = false;
  const lines = pending.map(cloneable);
  scope.postMessage({ type: 'lines', lines, dropped });
  pending = [];
  dropped = 0;
}

function end(ok: boolean) {
  flush();
  scope.postMessage({ type: 'end', ok });
}

/**
 * A value io.show() was given that cannot be copied to the page (a
 * function, say) is sent as the JSON it turns into instead.
 */
function cloneable(line: Line): Line {
  if (line.direction !== 'view') return line;
  try {
    structuredClone(line.value);
    return line;
  } catch {
    let value: unknown;
    try {
      value = JSON.parse(JSON.stringify(line.value) ?? 'null');
    } catch {
      value = String(line.value);
    }
    return { ...line, value };
  }
}

function fail(data: string) {
  emit({ at: Math.round(performance.now() - started), direction: 'error', data });
}

/** " (line N)" when a stack (or file:line) points into the edited module. */
function editorLine(stack: string) {
  const found = entry ? stack.indexOf(`${entry}:`) : -1;
  if (found === -1) return '';
  const line = parseInt(stack.slice(found + entry.length + 1), 10) - lineOffset;
  return line > 0 ? ` (line ${line})` : '';
}

/** The demo, with its errors pointed at their line in the editor. */
function located(demo: Demo): Demo {
  return async (io) => {
    try {
      await demo(io);
    } catch (error) {
      const where =
        error instanceof Error && !controller.signal.aborted ? editorLine(error.stack ?? '') : '';
      if (!where) throw error;
      throw new Error(`${(error as Error).message}${where}`, { cause: error });
    }
  };
}

async function start(base: string) {
  let demo: Demo;
  try {
    const module = (await import(/* @vite-ignore */ entry)) as { run?: unknown };
    if (typeof module.run !== 'function') {
      throw new Error('the edited code no longer exports a run(io) function');
    }
    demo = module.run as Demo;
  } catch (error) {
    fail(`could not load the edited code: ${(error as Error).message}`);
    end(false);
    return;
  }
  const ok = await runDemo(located(demo), {
    base,
    WebSocket,
    signal: controller.signal,
    emit,
  });
  end(ok);
}

scope.onmessage = ({ data }: MessageEvent<ToWorker>) => {
  if (data.type === 'stop') {
    controller.abort(new DOMException(data.message, data.name));
    return;
  }
  entry = data.url;
  lineOffset = data.lineOffset;
  void start(data.base);
};

// An error thrown in a callback (a socket's onmessage, a timer) has no
// run to fail but ends this one: the demo could not finish as written.
scope.addEventListener('error', (event) => {
  event.preventDefault();
  fail(`${event.message}${editorLine(`${event.filename}:${event.lineno}`)}`);
  end(false);
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  const text =
    reason instanceof Error ? `${reason.message}${editorLine(reason.stack ?? '')}` : String(reason);
  fail(`unhandled rejection: ${text}`);
  end(false);
});
