// Views draw the structured values a demo hands to io.show(name, value)
// under its cell. Each is its own chunk, loaded the first time a demo
// shows it. A view that is not listed here shows its value as JSON.

import type { CellStrings } from './cell-strings.ts';

/** Draws `value` into `into`, its own words (headings, labels) in `strings`. */
export type Render = (value: unknown, into: HTMLElement, strings: CellStrings) => void;

/** Views by name. */
export const views: Record<string, () => Promise<{ render: Render }>> = {
  table: () => import('./views/table.ts'),
  bars: () => import('./views/bars.ts'),
  line: () => import('./views/line.ts'),
  frames: () => import('./views/frames.ts'),
};
