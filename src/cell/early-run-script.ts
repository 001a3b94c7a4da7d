// The inline script of src/cell/early-run.ts, built into each page
// with cells; kept apart so that the cell's own bundle does without it.

import { inlineJson } from '../i18n/ui-strings.ts';
import { RUN_PRESSED } from './early-run.ts';

const pages = new WeakSet<object>();

/** True for the first cell of a page (Astro.locals), which carries the script. */
export function firstCellOn(page: object) {
  if (pages.has(page)) return false;
  pages.add(page);
  return true;
}

/**
 * Keeps a Run pressed on a cell not yet :defined. Inlined in the page
 * as its source text, so it may use nothing but its arguments.
 */
function captureEarlyRuns(pressed: string, waiting: string) {
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const run = target?.closest?.('wb-cell:not(:defined) [data-part="run"]');
    const cell = run?.closest('wb-cell');
    if (!cell) return;
    cell.setAttribute(pressed, '');
    const status = cell.querySelector('[data-part="status"]');
    if (status) status.textContent = waiting;
  });
}

/** The inline script of a page with cells; `waiting` is what a pressed Run's status says. */
export function earlyRunScript(waiting: string) {
  return `(${captureEarlyRuns})(${JSON.stringify(RUN_PRESSED)}, ${inlineJson(waiting)});`;
}
