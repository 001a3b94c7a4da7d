// <wb-run-all>: runs every cell on the page, in document order, one at
// a time (a cell may depend on what the one before it did), and lists
// how each ended, with a link to the cell. Stop ends the current cell
// and leaves the rest unrun. Its words come from RunAll.astro, in the
// page's language (data-strings).

import { format } from '../i18n/format.ts';
import type { StringsUnder } from '../i18n/ui-strings.ts';
import type { RunResult, WirebookCell } from './wb-cell.ts';

type RunAllStrings = StringsUnder<'runAll'>;

class WirebookRunAll extends HTMLElement {
  #current: WirebookCell | undefined;
  #stopped = false;
  #strings = {} as RunAllStrings;

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as RunAllStrings;
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
      this.#say(
        format(this.#strings.progress, { index: index + 1, total: cells.length, name: cell.name }),
      );
      this.#current = cell;
      const result = await cell.run();
      outcomes.push(result);
      results.append(itemOf(cell, result, this.#strings));
    }
    this.#current = undefined;
    this.#setRunning(false);
    this.#say(summaryOf(outcomes, cells.length, this.#strings));
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
function summaryOf(outcomes: RunResult[], total: number, strings: RunAllStrings) {
  const count = (status: string) => outcomes.filter((result) => result.status === status).length;
  const parts = [
    [count('error'), strings.failed],
    [count('stopped'), strings.stopped],
    [total - outcomes.length, strings.notRun],
  ] as const;
  const succeeded = total === 1 ? strings['succeeded.one'] : strings['succeeded.other'];
  return format(strings.summary, {
    parts: [
      format(succeeded, { done: count('done'), total }),
      ...parts.filter(([n]) => n > 0).map(([n, what]) => format(what, { count: n })),
    ].join(strings.separator),
  });
}

function itemOf(cell: WirebookCell, result: RunResult, strings: RunAllStrings) {
  const item = document.createElement('li');
  item.dataset['status'] = result.status;
  const link = document.createElement('a');
  link.href = `#${cell.id}`;
  link.textContent = cell.name;
  // An error says why; a stopped run's reason starts with "stopped".
  const how =
    result.status === 'done'
      ? format(strings.doneIn, { took: result.took })
      : result.status === 'error'
        ? format(strings.errorWhy, { why: result.why ?? strings.errorItem })
        : (result.why ?? strings.stoppedItem);
  item.append(link, format(strings.item, { how }));
  return item;
}

if (!customElements.get('wb-run-all')) {
  customElements.define('wb-run-all', WirebookRunAll);
}
