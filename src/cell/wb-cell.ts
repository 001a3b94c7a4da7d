// <wb-cell>: the browser runtime of a notebook cell.
//
// The markup (code, buttons, status, output log) is rendered at build
// time by Cell.astro; this element wires it up. Run hands the cell's
// demo to a runner (runner.ts): the tested original runs in the page,
// imported when Run is first pressed, with the output log and the rest
// of what a run needs (run-kit.ts). Edit swaps the code for an editor,
// loaded only then, and Run then runs the edited code in a Web Worker.
// Shift+Enter runs the cell that has focus, Escape stops it.

import type { Line } from '../../examples/demo-io.ts';
import { format } from '../i18n/format.ts';
import { cellStrings } from './cell-strings.ts';
import { RUN_PRESSED } from './early-run.ts';
import type { EditSession } from './edit-session.ts';
import { TIME_LIMIT_MS } from './limits.ts';
import type { Output } from './output.ts';

type Kit = typeof import('./run-kit.ts');
let kit: Promise<Kit> | undefined;
/** The run kit, fetched once for every cell on the page. */
const loadKit = () => (kit ??= import('./run-kit.ts'));

/** How long the playground has to answer /healthz before a run. */
const REACH_TIMEOUT_MS = 3_000;

export type Status = 'idle' | 'connecting' | 'running' | 'done' | 'error' | 'stopped';

/** How a run ended: its status, how long it took, and why it failed. */
export interface RunResult {
  status: Status;
  took: number;
  /** The last error line, when the run did not finish. */
  why?: string;
}

/** Where the playground is: set at build time, else this page's origin. */
export function playgroundBase(): string {
  const configured: string | undefined = import.meta.env.PUBLIC_PLAYGROUND_URL;
  return configured || location.origin;
}

/** A notebook cell: <wb-cell>, around the markup Cell.astro renders. */
export class WirebookCell extends HTMLElement {
  #controller: AbortController | undefined;
  #running: Promise<RunResult> | undefined;
  #edit: EditSession | undefined;
  #output: Output | undefined;

  /** What the cell is called, e.g. "echo client". */
  get name() {
    return this.dataset['title'] ?? this.dataset['demo'] ?? '';
  }

  connectedCallback() {
    this.#button('run').addEventListener('click', () => void this.run());
    this.#button('stop').addEventListener('click', () => this.stop());
    this.#button('copy').addEventListener('click', () => void this.copy());
    this.querySelector('[data-part="edit"]')?.addEventListener('click', () => void this.edit());
    this.querySelector('[data-part="reset"]')?.addEventListener('click', () => this.reset());
    this.addEventListener('keydown', (event) => this.#key(event));
    // Run was pressed before this script started (Cell.astro kept it).
    if (this.hasAttribute(RUN_PRESSED)) {
      this.removeAttribute(RUN_PRESSED);
      void this.run();
    }
  }

  /**
   * Runs the cell's code, replacing the previous output. While a run
   * is under way, returns that run instead of starting another.
   */
  run(): Promise<RunResult> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Stops a running demo. */
  stop() {
    this.#controller?.abort(new DOMException(cellStrings().stoppedByReader, 'AbortError'));
  }

  /** Turns the shown code into an editor. */
  async edit() {
    const button = this.#button('edit');
    if (this.#edit || button.disabled) return;
    button.disabled = true;
    const editor = this.#part('editor');
    editor.hidden = false;
    try {
      const { openEditSession } = await import('./edit-session.ts');
      this.#edit = await openEditSession({
        parent: editor,
        file: `${this.dataset['demo']}.ts`,
        region: this.dataset['region'],
        label: format(cellStrings().editorLabel, { title: this.name }),
        run: () => void this.run(),
        strings: cellStrings(),
      });
    } catch (error) {
      editor.hidden = true;
      this.#announce(format(cellStrings().editorFailed, { message: (error as Error).message }));
      return;
    } finally {
      button.disabled = false;
    }
    this.#part('code').hidden = true;
    button.hidden = true;
    this.#button('reset').hidden = false;
    this.dataset['edited'] = '';
    this.#edit.editor.focus();
  }

  /** Puts the tested original back in place of the editor. */
  reset() {
    if (!this.#edit) return;
    this.#edit.destroy();
    this.#edit = undefined;
    this.#part('editor').hidden = true;
    this.#part('code').hidden = false;
    this.#button('reset').hidden = true;
    delete this.dataset['edited'];
    const edit = this.#button('edit');
    edit.hidden = false;
    edit.focus();
  }

  /** Copies the output's lines, as text, to the clipboard. */
  async copy() {
    const output = this.#log;
    try {
      await navigator.clipboard.writeText(output.text());
      const count = output.length;
      const copied = count === 1 ? cellStrings()['copied.one'] : cellStrings()['copied.other'];
      this.#announce(format(copied, { count }));
    } catch (error) {
      this.#announce(format(cellStrings().copyFailed, { message: (error as Error).message }));
    }
  }

  async #run(): Promise<RunResult> {
    const controller = new AbortController();
    this.#controller = controller;
    const limit = setTimeout(() => {
      const why = format(cellStrings().timeLimit, { seconds: TIME_LIMIT_MS / 1000 });
      controller.abort(new DOMException(why, 'TimeoutError'));
    }, TIME_LIMIT_MS);
    const started = performance.now();
    this.#announce('');
    this.#button('copy').disabled = true;
    this.#setRunning(true);
    this.#setStatus('connecting');
    let status: Status = 'error';
    try {
      status = await this.#attempt(controller.signal, started);
    } finally {
      clearTimeout(limit);
      this.#controller = undefined;
      this.#setRunning(false);
    }
    const took = Math.round(performance.now() - started);
    this.#setStatus(status, status === 'error' ? undefined : took);
    const why = status === 'done' ? undefined : this.#output?.lastError();
    return why === undefined ? { status, took } : { status, took, why };
  }

  /** Loads what a run needs, runs it, and says how it ended. */
  async #attempt(signal: AbortSignal, started: number): Promise<Status> {
    let kit: Kit;
    try {
      kit = await loadKit();
    } catch (error) {
      this.#announce(format(cellStrings().kitFailed, { message: (error as Error).message }));
      return 'error';
    }
    this.#output ??= new kit.Output(this.#part('log'), this.#part('dropped'), cellStrings());
    this.#output.clear();
    const base = playgroundBase();
    const fail = (data: string) =>
      this.#print({
        at: Math.round(performance.now() - started),
        direction: 'error',
        data,
      });
    try {
      const id = this.dataset['demo'] ?? '';
      const runner = this.#edit
        ? await this.#edit.runner((count) => this.#log.dropped(count))
        : this.dataset['runner'] === 'playground'
          ? kit.playgroundRunner(id, cellStrings())
          : await kit.pageRunner(id);
      if (await reachable(base, signal)) {
        this.#setStatus('running');
        const emit = (line: Line) => this.#print(line);
        const ok = await runner.run({ base, WebSocket, signal, emit });
        return ok ? 'done' : signal.aborted ? 'stopped' : 'error';
      }
      if (signal.aborted) {
        fail(kit.describeError(undefined, signal));
        return 'stopped';
      }
      fail(format(cellStrings().unreachable, { base }));
    } catch (error) {
      const { name, message } = error as Error;
      fail(name === 'EditedCodeError' ? message : format(cellStrings().demoFailed, { message }));
    }
    return 'error';
  }

  #print(line: Line) {
    this.#log.append(line);
    this.#button('copy').disabled = false;
  }

  #key(event: KeyboardEvent) {
    if (event.defaultPrevented || event.isComposing) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'Enter' && event.shiftKey && plain) {
      event.preventDefault();
      void this.run();
    } else if (event.key === 'Escape' && this.#controller) {
      event.preventDefault();
      this.stop();
    }
  }

  #announce(text: string) {
    this.#part('note').textContent = text;
  }

  #setRunning(running: boolean) {
    this.#button('run').disabled = running;
    this.#button('stop').disabled = !running;
  }

  /** Shows `status`, with how long the run took when given. */
  #setStatus(status: Status, took?: number) {
    this.dataset['status'] = status;
    const label = cellStrings()[`status.${status}`];
    this.#part('status').textContent =
      took === undefined ? label : format(cellStrings()['status.took'], { status: label, took });
  }

  get #log() {
    if (!this.#output) throw new Error('<wb-cell> is not connected');
    return this.#output;
  }

  #button(name: 'run' | 'stop' | 'edit' | 'reset' | 'copy') {
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

if (!customElements.get('wb-cell')) customElements.define('wb-cell', WirebookCell);
