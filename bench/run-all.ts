// `npm run bench [-- name…]`: installs bench/'s own tools when they are
// missing or older than bench/package-lock.json (they are not in the
// root install that `npm start` and `npm test` need), type-checks
// bench/, then runs every benchmark in bench/ (each top-level .ts file
// but this one; helpers live in bench/support/), or only those named
// (`json-rpc`, `site.ts`), one at a time so they do not compete for
// the machine, and fails if any failed. Each writes its own dated
// section of bench/RESULTS.md.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Runs a command with inherited output; exits with its status if it fails. */
function mustRun(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: here });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

// npm writes node_modules/.package-lock.json at the end of every
// install: older than the lock file (or absent) means stale.
const installed = `${here}node_modules/.package-lock.json`;
const lock = `${here}package-lock.json`;
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  mustRun('npm', ['ci', '--no-audit', '--no-fund']);
}
// TypeScript is the root's: bench/ is checked with the code it imports.
mustRun(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', '.']);

const all = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'run-all.ts')
  .sort();
const asked = process.argv.slice(2).map((name) => (name.endsWith('.ts') ? name : `${name}.ts`));
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`No such benchmark: ${unknown.join(', ')}; there are ${all.join(', ')}`);
  process.exit(2);
}
const benches = asked.length ? asked : all;

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
