// bench/RESULTS.md keeps the last results of every benchmark, each in
// a section of its own that only its benchmark rewrites, headed by when
// and on what machine it ran.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';

const RESULTS = new URL('../RESULTS.md', import.meta.url);
const HEADER =
  '# Benchmark results\n\n' +
  'Written by `npm run bench` (or one `node bench/<name>.ts`); each ' +
  'benchmark rewrites only its own section.\n';

/** The machine a benchmark ran on, in one line. */
export function machine() {
  const cores = cpus();
  const gib = Math.round(totalmem() / 2 ** 30);
  return (
    `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${gib} GiB, ${platform()} ${release()}, Node ${process.versions.node}`
  );
}

/** Replaces the section `name` of bench/RESULTS.md with `markdown`. */
export function writeSection(name: string, markdown: string) {
  let text: string;
  try {
    text = readFileSync(RESULTS, 'utf8');
  } catch {
    text = HEADER;
  }
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text =
    from !== -1 && to > from
      ? text.slice(0, from) + section + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, text);
}

/** The first line of every section: when, and on what. */
export function ranAt() {
  return `${new Date().toISOString()} on ${machine()}.`;
}

/** A markdown table. */
export function table(headers: string[], rows: (string | number)[][]) {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? sorted[Math.floor(middle)]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `value / baseline`, as "0.93×". */
export function ratio(value: number, baseline: number) {
  if (baseline === 0) return '–';
  return `${(value / baseline).toFixed(2)}×`;
}

/** A number with thousands separators and `digits` decimals. */
export function fmt(value: number, digits = 0) {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Bytes as KiB or MiB. */
export function bytes(value: number) {
  return value >= 2 ** 20
    ? `${(value / 2 ** 20).toFixed(1)} MiB`
    : `${(value / 1024).toFixed(1)} KiB`;
}
