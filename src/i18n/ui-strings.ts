// The site's own UI strings, as a component hands them to its script.
// The tables are src/content/i18n/<lang>.json; a component reads its
// part of the page's table (Astro.locals.t.all()) with stringsUnder and
// puts it in the page as JSON, so a script carries no table of its own.

import type en from '../content/i18n/en.json';

/** A key of the site's UI strings, e.g. "wirebook.cell.run". */
export type UiKey = keyof typeof en;

/** The strings under "wirebook.<part>.", keyed by the rest of their key. */
export type StringsUnder<Part extends string> = {
  [Key in UiKey as Key extends `wirebook.${Part}.${infer Rest}` ? Rest : never]: string;
};

/** The strings of `table` (a whole language's) under "wirebook.<part>.". */
export function stringsUnder<Part extends string>(
  table: Record<string, unknown>,
  part: Part,
): StringsUnder<Part> {
  const prefix = `wirebook.${part}.`;
  return Object.fromEntries(
    Object.entries(table)
      .filter(([key, value]) => key.startsWith(prefix) && typeof value === 'string')
      .map(([key, value]) => [key.slice(prefix.length), value]),
  ) as StringsUnder<Part>;
}

/** JSON that is safe inside a <script> element or an attribute. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
