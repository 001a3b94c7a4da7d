// Runs code a reader edited in a Web Worker of its own, one per run.
//
// The worker gets the same DemoIO as the page (its own WebSocket and
// fetch) and posts every line back. Stop and the time limit first ask
// the worker to abort, as the page runner would; code that never gives
// the worker's event loop back (`while (true) {}`) cannot hear that, so
// after a short grace the worker is terminated. Either way the page
// stays responsive: the reader's code never runs on its thread.

import { describeError, type Line } from '../../examples/demo-io.ts';
import { format } from '../i18n/format.ts';
import type { CellStrings } from './cell-strings.ts';
import { STOP_GRACE_MS } from './limits.ts';
import type { Runner } from './runner.ts';

/** Where the edited module is, and how its lines map to the editor. */
export interface WorkerJob {
  /** The URL of the linked entry module (see link-modules.ts). */
  url: string;
  /** How many lines of the file come before the editor's first line. */
  lineOffset: number;
  /** Called once the run is over, to release the module URLs. */
  release(): void;
  /** Counts lines the worker dropped (see FromWorker). */
  dropped(count: number): void;
  /** The words its errors are told in. */
  strings: CellStrings;
}

/** Page to worker. */
export type ToWorker =
  | { type: 'start'; base: string; url: string; lineOffset: number }
  | { type: 'stop'; name: string; message: string };

/**
 * Worker to page. Lines come in batches, at most MAX_LINES of the
 * latest, with a count of those dropped before they were sent: code
 * that prints in a tight loop must not flood the page or fill memory.
 */
export type FromWorker =
  | { type: 'lines'; lines: Line[]; dropped: number }
  | { type: 'end'; ok: boolean };

/** A runner for one edited module. */
export function workerRunner(job: WorkerJob): Runner {
  return {
    run: ({ base, signal, emit }) =>
      new Promise<boolean>((resolve) => {
        const started = performance.now();
        const worker = new Worker(new URL('./demo-worker.ts', import.meta.url), {
          type: 'module',
          name: 'wirebook edited demo',
        });
        const post = (message: ToWorker) => worker.postMessage(message);
        let grace: ReturnType<typeof setTimeout> | undefined;
        let over = false;
        const finish = (ok: boolean) => {
          if (over) return;
          over = true;
          clearTimeout(grace);
          signal.removeEventListener('abort', onAbort);
          worker.terminate();
          job.release();
          resolve(ok);
        };
        const fail = (data: string) => {
          emit({ at: Math.round(performance.now() - started), direction: 'error', data });
          finish(false);
        };
        worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
          if (over) return;
          if (data.type === 'end') return finish(data.ok);
          if (data.dropped) job.dropped(data.dropped);
          data.lines.forEach(emit);
        };
        // Only a worker that could not start at all gets here; errors
        // of the reader's code are reported by the worker itself.
        worker.onerror = (event) => {
          event.preventDefault();
          const message = event.message || job.strings.unknownError;
          fail(format(job.strings.workerFailed, { message }));
        };
        function onAbort() {
          const reason: unknown = signal.reason;
          const { name, message } =
            reason instanceof Error ? reason : { name: 'AbortError', message: String(reason) };
          post({ type: 'stop', name, message });
          grace = setTimeout(() => {
            fail(format(job.strings.workerTerminated, { why: describeError(undefined, signal) }));
          }, STOP_GRACE_MS);
        }
        signal.addEventListener('abort', onAbort, { once: true });
        post({ type: 'start', base, url: job.url, lineOffset: job.lineOffset });
        if (signal.aborted) onAbort();
      }),
  };
}
