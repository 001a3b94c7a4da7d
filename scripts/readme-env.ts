// The README's table of the server's environment variables, made from
// SETTINGS in playground-server/config.ts: one row a setting, its
// default and its doc, so that the table cannot say what the server
// does not do. `npm run readme` rewrites it between its markers, and a
// test fails when the README differs from what this would write.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SETTINGS, type Setting } from '../playground-server/config.ts';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const BEGIN =
  '<!-- environment variables: made by `npm run readme` from playground-server/config.ts -->';
export const END = '<!-- end of environment variables -->';

/** A default as the table shows it: code, or (none) when unset. */
function shownDefault(setting: Setting<unknown>): string {
  const value = setting.shown ?? setting.default;
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)';
  return `\`${String(value)}\``;
}

/** The table, header and one row a setting, in the order of SETTINGS. */
export function environmentTable(): string {
  const rows = Object.values(SETTINGS).map(
    (setting: Setting<unknown>) =>
      // A | in a doc would end its cell.
      `| \`${setting.env}\` | ${shownDefault(setting)} | ${setting.doc.replaceAll('|', '\\|')} |`,
  );
  return [
    '| name | default | what it does; what a client sees at the limit |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `readme` with the text between the markers replaced by the table. */
export function withEnvironmentTable(readme: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin === -1 || end < begin) {
    throw new Error(`README.md needs the lines ${BEGIN} and ${END}, in that order`);
  }
  // Blank lines around the table: a Markdown table must start a block.
  return `${readme.slice(0, begin + BEGIN.length)}\n\n${environmentTable()}\n\n${readme.slice(end)}`;
}

if (import.meta.main) {
  const readme = readFileSync(README, 'utf8');
  const updated = withEnvironmentTable(readme);
  writeFileSync(README, updated);
  console.log(updated === readme ? 'README.md was current' : 'README.md table rewritten');
}
