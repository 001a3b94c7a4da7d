// Every cell gets a stable anchor, so a link can point at it: its
// demo's id, numbered from the second time the same demo appears on a
// page. Pages are told apart by an object that lives as long as one
// page's render (Astro.locals).

const pages = new WeakMap<object, Map<string, number>>();

/** The anchor of the next cell showing `demo` on `page`. */
export function cellAnchor(page: object, demo: string): string {
  const seen = pages.get(page) ?? new Map<string, number>();
  pages.set(page, seen);
  const base = `cell-${demo.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}
