// <wb-cell>: the browser runtime of a notebook cell.
//
// The markup (buttons, status, output log) is rendered at build time by
// Cell.astro; this element wires it up. A demo's code is fetched only
// when Run is first pressed, then runs against the playground with the
// browser's own WebSocket, streaming its lines into the log.

import {
  describeError,
  formatData,
  runDemo,
  type Demo,
  type Line,
} from '../../examples/demo-io.ts';
import { browserDemos } from '../demos.ts';
import { playgroundDemo } from './playground-runner.ts';
import { views } from './views.ts';

/** A run is stopped after this long, whatever the demo does. */
const TIME_LIMIT_MS = 30_000;
/** The log keeps only this many of the latest lines. */
const MAX_LINES = 500;
/** How long the playground has to answer /healthz before a run. */
const REACH_TIMEOUT_MS = 3_000;

type Status = 'idle' | 'connecting' | 'running' | 'done' | 'error' | 'stopped';

const MARKS: Record<Line['direction'], string> = {
  sent: '→',
  received: '←',
  info: '·',
  error: '!',
  view: '▤',
};

/** Where the playground is: set at build time, else this page's origin. */
export function playgroundBase(): string {
  const configured: string | undefined = import.meta.env.PUBLIC_PLAYGROUND_URL;
  return configured || location.origin;
}

class WirebookCell extends HTMLElement {
  #controller: AbortController | undefined;
  #demo: Demo | undefined;

  connectedCallback() {
    this.#button('run').addEventListener('click', () => void this.run());
    this.#button('stop').addEventListener('click', () => this.stop());
  }

  /** Runs the cell's demo, replacing the previous output. */
  async run() {
    if (this.#controller) return;
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    const limit = setTimeout(() => {
      const why = `time limit of ${TIME_LIMIT_MS / 1000} s reached`;
      controller.abort(new DOMException(why, 'TimeoutError'));
    }, TIME_LIMIT_MS);
    const started = performance.now();
    const base = playgroundBase();
    const fail = (data: string) => this.#append({
      at: Math.round(performance.now() - started),
      direction: 'error',
      data,
    });
    this.#log.replaceChildren();
    this.#setRunning(true);
    this.#setStatus('connecting');
    let status: Status = 'error';
    try {
      const demo = await this.#load();
      if (await reachable(base, signal)) {
        this.#setStatus('running');
        const emit = (line: Line) => this.#append(line);
        const ok = await runDemo(demo, { base, WebSocket, signal, emit });
        status = ok ? 'done' : signal.aborted ? 'stopped' : 'error';
      } else if (signal.aborted) {
        status = 'stopped';
        fail(describeError(undefined, signal));
      } else {
        fail(
          `The playground is not reachable at ${base}. Start it with ` +
            '`npm install && npm start` in a clone of Wirebook, then Run.',
        );
      }
    } catch (error) {
      fail(`could not load the demo: ${(error as Error).message}`);
    } finally {
      clearTimeout(limit);
      this.#controller = undefined;
      this.#setRunning(false);
      const took = Math.round(performance.now() - started);
      this.#setStatus(status, status === 'error' ? '' : ` in ${took} ms`);
    }
  }

  /** Stops a running demo. */
  stop() {
    this.#controller?.abort(
      new DOMException('by the reader', 'AbortError'),
    );
  }

  async #load(): Promise<Demo> {
    if (this.#demo) return this.#demo;
    const id = this.dataset['demo'] ?? '';
    if (this.dataset['runner'] === 'playground') {
      // The playground runs it; only its lines come to the page.
      this.#demo = playgroundDemo(id);
      return this.#demo;
    }
    const load = browserDemos[id];
    if (!load) throw new Error(`no browser demo named "${id}"`);
    this.#demo = (await load()).run;
    return this.#demo;
  }

  #append(line: Line) {
    const item = document.createElement('li');
    item.className = 'wb-line';
    item.dataset['direction'] = line.direction;
    const at = span('wb-at', `+${line.at} ms`);
    const mark = span('wb-mark', MARKS[line.direction]);
    mark.setAttribute('aria-hidden', 'true');
    const label = span('sr-only', `${line.direction}: `);
    item.append(at, mark, label);
    if (line.direction === 'view') {
      item.append(viewOf(line.view, line.value));
    } else {
      const data = span('wb-data', formatData(line.data));
      data.dataset['kind'] = typeof line.data === 'string' ? 'text' : 'binary';
      item.append(data);
    }
    this.#log.append(item);
    while (this.#log.childElementCount > MAX_LINES) {
      this.#log.firstElementChild?.remove();
    }
    this.#log.scrollTop = this.#log.scrollHeight;
  }

  #setRunning(running: boolean) {
    this.#button('run').disabled = running;
    this.#button('stop').disabled = !running;
  }

  #setStatus(status: Status, detail = '') {
    this.dataset['status'] = status;
    this.#part('status').textContent = status + detail;
  }

  get #log() {
    return this.#part('log');
  }

  #button(name: 'run' | 'stop') {
    return this.#part(name) as HTMLButtonElement;
  }

  #part(name: string): HTMLElement {
    const part = this.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!part) throw new Error(`<wb-cell> has no [data-part="${name}"]`);
    return part;
  }
}

/** True when the playground answers its health check in time. */
async function reachable(base: string, signal: AbortSignal) {
  try {
    const response = await fetch(new URL('/healthz', base), {
      signal: AbortSignal.any([signal, AbortSignal.timeout(REACH_TIMEOUT_MS)]),
      cache: 'no-store',
    });
    const body: unknown = await response.json();
    return response.ok && (body as { status?: unknown }).status === 'ok';
  } catch {
    return false;
  }
}

/** A view's drawing; its value as JSON until (or unless) it can draw. */
function viewOf(name: string, value: unknown) {
  const box = document.createElement('div');
  box.className = 'wb-view';
  box.dataset['view'] = name;
  box.textContent = JSON.stringify(value);
  views[name]?.()
    .then(({ render }) => {
      box.replaceChildren();
      render(value, box);
    })
    .catch((error: Error) => {
      box.textContent = `${JSON.stringify(value)} (view failed: ${error.message})`;
    });
  return box;
}

function span(className: string, text: string) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

customElements.define('wb-cell', WirebookCell);
