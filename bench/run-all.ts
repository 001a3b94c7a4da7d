// `npm run bench`: runs every benchmark in bench/ (each top-level .ts
// file but this one; helpers live in bench/support/), one at a time so
// they do not compete for the machine, and fails if any failed. Each
// writes its own dated section of bench/RESULTS.md.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'run-all.ts')
  .sort();

// Lighthouse alone audits every page three times; here one run of
// the first page of each part keeps the whole run within about twenty
// minutes (set LIGHTHOUSE_PAGES=all or LIGHTHOUSE_RUNS to change it).
const env = {
  ...process.env,
  LIGHTHOUSE_RUNS: process.env['LIGHTHOUSE_RUNS'] || '1',
  LIGHTHOUSE_PAGES: process.env['LIGHTHOUSE_PAGES'] || 'one-per-part',
};

const failed: string[] = [];
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync(process.execPath, [`${here}${name}`], { stdio: 'inherit', env });
  if (result.status !== 0) failed.push(name);
}
console.log(
  failed.length
    ? `\n${failed.length} of ${benches.length} benchmarks failed: ${failed.join(', ')}`
    : `\nAll ${benches.length} benchmarks passed; results in bench/RESULTS.md`,
);
process.exit(failed.length ? 1 : 0);
