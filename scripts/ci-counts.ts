// The end of a CI run, from vitest's JSON report: a line for each file
// that failed outside any test, under CI the name of each skipped test,
// and last "N passed, N failed, N skipped". Exits 1 when a test failed,
// or when one was skipped under CI: a skip there is a test not run.
//
//   node scripts/ci-counts.ts reports/vitest.json

import { readFileSync } from 'node:fs';
import { underCI } from '../tests/support/needs.ts';

/** The parts of vitest's JSON report that the counts come from. */
export interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

/** Statuses vitest gives a test that did not run. */
const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled']);

/** What to print, and whether the run passed. */
export function ciCounts(report: JsonReport, ci: boolean) {
  const tests = report.testResults.flatMap((file) => file.assertionResults);
  const passed = tests.filter((test) => test.status === 'passed').length;
  const failed = tests.filter((test) => test.status === 'failed').length;
  const skipped = tests.filter((test) => NOT_RUN.has(test.status));
  // A file that fails outside any test (an import error, an empty suite)
  // has no failed test of its own; count it as one failure.
  const broken = report.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  );
  const lines = broken.map((file) => `failed outside a test: ${file.name}: ${file.message}`);
  if (ci) lines.push(...skipped.map((test) => `skipped under CI: ${test.fullName}`));
  const failures = failed + broken.length;
  lines.push(`${passed} passed, ${failures} failed, ${skipped.length} skipped`);
  return { lines, ok: failures === 0 && !(ci && skipped.length > 0) };
}

if (import.meta.main) {
  const [path] = process.argv.slice(2);
  if (!path) throw new Error('usage: node scripts/ci-counts.ts <vitest JSON report>');
  const { lines, ok } = ciCounts(JSON.parse(readFileSync(path, 'utf8')) as JsonReport, underCI());
  console.log(lines.join('\n'));
  process.exitCode = ok ? 0 : 1;
}
