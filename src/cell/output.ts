// A cell's output log: one list item per line, the latest MAX_LINES
// kept (with a note saying how many earlier ones were dropped), and the
// same lines as plain text for the Copy button.

import { formatData, formatLine, type Line } from '../../examples/demo-io.ts';
import { format } from '../i18n/format.ts';
import type { CellStrings } from './cell-strings.ts';
import { MAX_LINES } from './limits.ts';
import { views } from './views.ts';

const MARKS: Record<Line['direction'], string> = {
  sent: '→',
  received: '←',
  info: '·',
  error: '!',
  view: '▤',
};

/** The output under one cell. */
export class Output {
  readonly #list: HTMLElement;
  readonly #note: HTMLElement;
  readonly #strings: CellStrings;
  #lines: Line[] = [];
  #dropped = 0;
  #scrolling = false;

  constructor(list: HTMLElement, note: HTMLElement, strings: CellStrings) {
    this.#list = list;
    this.#note = note;
    this.#strings = strings;
  }

  get length() {
    return this.#lines.length;
  }

  /** The last error line's text, if any: why a run failed. */
  lastError(): string | undefined {
    const line = this.#lines.findLast((l) => l.direction === 'error');
    return line && line.direction !== 'view' ? formatData(line.data) : undefined;
  }

  clear() {
    this.#lines = [];
    this.#dropped = 0;
    this.#list.replaceChildren();
    this.#note.hidden = true;
  }

  append(line: Line) {
    this.#lines.push(line);
    this.#list.append(itemOf(line, this.#strings));
    if (this.#lines.length > MAX_LINES) {
      this.#lines.shift();
      this.#list.firstElementChild?.remove();
      this.dropped(1);
    }
    this.#scrollToEnd();
  }

  /**
   * Keeps the newest line in view: the list's box (role="log") scrolls,
   * once a frame however many lines arrived, so a burst of lines does
   * not lay the page out once per line.
   */
  #scrollToEnd() {
    if (this.#scrolling) return;
    this.#scrolling = true;
    requestAnimationFrame(() => {
      this.#scrolling = false;
      const box = this.#list.parentElement;
      if (box) box.scrollTop = box.scrollHeight;
    });
  }

  /** Counts lines dropped before they reached the log. */
  dropped(count: number) {
    if (count <= 0) return;
    this.#dropped += count;
    this.#note.hidden = false;
    const note = this.#dropped === 1 ? 'dropped.one' : 'dropped.other';
    this.#note.textContent = format(this.#strings[note], { count: this.#dropped, max: MAX_LINES });
  }

  /** The lines as text, one "direction data" per line, as tests print them. */
  text(): string {
    const note = this.#dropped ? [format(this.#strings.droppedCopy, { count: this.#dropped })] : [];
    return [...note, ...this.#lines.map(formatLine)].join('\n');
  }
}

function itemOf(line: Line, strings: CellStrings) {
  const item = document.createElement('li');
  item.className = 'wb-line';
  item.dataset['direction'] = line.direction;
  const at = span('wb-at', `+${line.at} ms`);
  const mark = span('wb-mark', MARKS[line.direction]);
  mark.setAttribute('aria-hidden', 'true');
  const label = span('sr-only', `${strings[`direction.${line.direction}`]}: `);
  item.append(at, mark, label);
  if (line.direction === 'view') {
    item.append(viewOf(line.view, line.value, strings));
  } else {
    const data = span('wb-data', formatData(line.data));
    data.dataset['kind'] = typeof line.data === 'string' ? 'text' : 'binary';
    item.append(data);
  }
  return item;
}

/** A view's drawing; its value as JSON until (or unless) it can draw. */
function viewOf(name: string, value: unknown, strings: CellStrings) {
  const box = document.createElement('div');
  box.className = 'wb-view';
  box.dataset['view'] = name;
  box.textContent = JSON.stringify(value);
  views[name]?.()
    .then(({ render }) => {
      box.replaceChildren();
      render(value, box, strings);
    })
    .catch((error: Error) => {
      const shown = JSON.stringify(value);
      box.textContent = format(strings.viewFailed, { value: shown, message: error.message });
    });
  return box;
}

function span(className: string, text: string) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
