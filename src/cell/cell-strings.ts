// The words a cell's script shows (statuses, notes, errors), in the
// page's language: Cell.astro puts them in the page once, as JSON in a
// <script> with this id, from the site's tables (src/content/i18n).

import type { StringsUnder } from '../i18n/ui-strings.ts';

export type CellStrings = StringsUnder<'cell'>;

/** The id of the JSON script that holds a page's CellStrings. */
export const CELL_STRINGS_ID = 'wb-cell-strings';

let strings: CellStrings | undefined;

/** This page's cell strings. */
export function cellStrings(): CellStrings {
  if (!strings) {
    const json = document.getElementById(CELL_STRINGS_ID)?.textContent;
    if (!json) throw new Error(`the page has no #${CELL_STRINGS_ID}`);
    strings = JSON.parse(json) as CellStrings;
  }
  return strings;
}
