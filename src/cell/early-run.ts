// A Run pressed before wb-cell.ts has defined <wb-cell> (its script
// still loading on a slow connection) would do nothing. A few lines of
// inline script, once per page (early-run-script.ts, put in by
// Cell.astro), remember the press on the cell; the element runs the
// cell when it starts (wb-cell.ts). This is the name both share.

/** Set on a <wb-cell> whose Run was pressed before the element started. */
export const RUN_PRESSED = 'data-run-pressed';
