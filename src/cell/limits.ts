// The bounds of a run in the browser, shared by the page and the
// worker that runs edited code.

/** A run is stopped after this long, whatever the demo does. */
export const TIME_LIMIT_MS = 30_000;

/** A cell's log keeps only this many of the latest lines. */
export const MAX_LINES = 500;

/** How long a worker has to stop by itself before it is terminated. */
export const STOP_GRACE_MS = 300;
