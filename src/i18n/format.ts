// Fills a UI string's placeholders: "Copied {count} lines" with
// { count: 3 }. The same on the server (Astro.locals.t gives the
// template) and in the browser (the component hands its templates to
// its script), so the tables have one placeholder syntax, {name},
// which i18next leaves alone.

/** The {name} placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/** `template` with each {name} replaced by values[name]; a missing value throws. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`"${template}" needs a value for {${name}}`);
    return String(value);
  });
}

/**
 * The text before and after {name} in `template`, for words around an
 * element (a <code>, a link): "Written by Go: {file}" gives
 * ["Written by Go: ", ""]. A template without it throws.
 */
export function around(template: string, name: string): [string, string] {
  const [before, after, ...more] = template.split(`{${name}}`);
  if (after === undefined || more.length > 0) {
    throw new Error(`"${template}" needs {${name}} once`);
  }
  return [before ?? '', after];
}
