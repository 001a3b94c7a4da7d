// <wb-run-all>: runs every cell on the page, in document order, one at
// a time (a cell may depend on what the one before it did), and lists
// how each ended, with a link to the cell. Stop ends the current cell
// and leaves the rest unrun.

import type { RunResult, WirebookCell } from './wb-cell.ts';

class WirebookRunAll extends HTMLElement {
  #current: WirebookCell | undefined;
  #stopped = false;

  connectedCallback() {
    this.#button('run-all').addEventListener('click', () => void this.runAll());
    this.#button('stop-all').addEventListener('click', () => this.stop());
  }

  /** Runs each cell in turn, then summarises. */
  async runAll() {
    await customElements.whenDefined('wb-cell');
    const cells = [...document.querySelectorAll<WirebookCell>('wb-cell')];
    const results = this.#part('results');
    results.replaceChildren();
    results.hidden = false;
    this.#stopped = false;
    this.#setRunning(true);
    const outcomes: RunResult[] = [];
    for (const [index, cell] of cells.entries()) {
      if (this.#stopped) break;
      this.#say(`Running cell ${index + 1} of ${cells.length}: ${cell.name}…`);
      this.#current = cell;
      const result = await cell.run();
      outcomes.push(result);
      results.append(itemOf(cell, result));
    }
    this.#current = undefined;
    this.#setRunning(false);
    this.#say(summaryOf(outcomes, cells.length));
  }

  /** Stops the cell that is running and every one after it. */
  stop() {
    this.#stopped = true;
    this.#current?.stop();
  }

  #say(text: string) {
    this.#part('summary').textContent = text;
  }

  #setRunning(running: boolean) {
    this.#button('run-all').disabled = running;
    this.#button('stop-all').disabled = !running;
  }

  #button(name: 'run-all' | 'stop-all') {
    return this.#part(name) as HTMLButtonElement;
  }

  #part(name: string): HTMLElement {
    const part = this.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!part) throw new Error(`<wb-run-all> has no [data-part="${name}"]`);
    return part;
  }
}

/** "2 of 4 cells succeeded; 1 failed; 1 stopped." and the like. */
function summaryOf(outcomes: RunResult[], total: number) {
  const count = (status: string) => outcomes.filter((result) => result.status === status).length;
  const parts = [
    [count('error'), 'failed'],
    [count('stopped'), 'stopped'],
    [total - outcomes.length, 'not run'],
  ] as const;
  return `${[
    `${count('done')} of ${total} ${total === 1 ? 'cell' : 'cells'} succeeded`,
    ...parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`),
  ].join('; ')}.`;
}

function itemOf(cell: WirebookCell, result: RunResult) {
  const item = document.createElement('li');
  item.dataset['status'] = result.status;
  const link = document.createElement('a');
  link.href = `#${cell.id}`;
  link.textContent = cell.name;
  // An error says why; a stopped run's reason starts with "stopped".
  const why = result.why ?? result.status;
  const how =
    result.status === 'done'
      ? `done in ${result.took} ms`
      : result.status === 'error'
        ? `error: ${why}`
        : why;
  item.append(link, `: ${how}`);
  return item;
}

if (!customElements.get('wb-run-all')) {
  customElements.define('wb-run-all', WirebookRunAll);
}
