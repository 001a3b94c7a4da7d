import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { GRPC } from './support/go.ts';
import { firstMissing, underCI, verdict } from './support/needs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixture = fileURLToPath(new URL('./support/needs-fixture/', import.meta.url));

test('CI is on when CI is "true" or "1", in any case', () => {
  expect(['true', 'TRUE', '1'].map((CI) => underCI({ CI }))).toEqual([true, true, true]);
  expect(['', '0', 'false', undefined].map((CI) => underCI({ CI }))).toEqual([
    false,
    false,
    false,
    false,
  ]);
});

test('a test runs when nothing is missing, skips locally and fails under CI', () => {
  const reason = 'gizmo is not installed';
  expect(verdict(null, {})).toBe('run');
  expect(verdict(null, { CI: 'true' })).toBe('run');
  expect(verdict(reason, {})).toBe('skip');
  expect(verdict(reason, { CI: 'true' })).toBe('fail');
  expect(verdict(reason, { CI: '1' })).toBe('fail');
});

interface Report {
  testResults: {
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Runs the fixture's tests with CI set to `ci`; returns name, status and error. */
async function runFixture(ci: string) {
  const json = join(mkdtempSync(join(tmpdir(), 'wirebook-needs-')), 'report.json');
  await promisify(execFile)(
    process.execPath,
    [
      `${root}node_modules/vitest/vitest.mjs`,
      'run',
      `--config=${fixture}vitest.config.ts`,
      `--root=${fixture}`,
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    { cwd: fixture, env: { ...process.env, CI: ci } },
    // A run with a failed test exits 1, as the run under CI should.
  ).catch((failed: unknown) => failed);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  return report.testResults
    .flatMap((file) => file.assertionResults)
    .map((result) => [result.fullName, result.status, result.failureMessages.join('')]);
}

test('locally, a test whose tool is missing skips and says why in its name', async () => {
  const why = '(skipped: gizmo is not installed (apt-get install gizmo))';
  expect(await runFixture('')).toEqual([
    [`a test that needs gizmo ${why}`, 'skipped', ''],
    [`tests that need gizmo ${why} one of them`, 'skipped', ''],
    ['a test whose tool is here', 'passed', ''],
  ]);
});

test('under CI, it fails, naming the tool and its package', async () => {
  const results = await runFixture('true');
  expect(results.map(([name, status]) => [name, status])).toEqual([
    ['a test that needs gizmo', 'failed'],
    ['tests that need gizmo', 'failed'],
    ['a test whose tool is here', 'passed'],
  ]);
  for (const [, status, error] of results) {
    if (status === 'failed') {
      expect(error).toContain(
        'CI must run this test, but gizmo is not installed (apt-get install gizmo)',
      );
    }
  }
});

test('the first requirement that is absent is named with its apt package', () => {
  const here = { what: 'here', present: () => true, apt: 'here-pkg' };
  const gone = { what: 'gone', present: () => false, apt: 'gone-pkg' };
  const also = { what: 'also gone', present: () => false, apt: 'also-pkg' };
  expect(firstMissing([here])).toBeNull();
  expect(firstMissing([here, gone, also])).toBe('gone is not installed (apt-get install gone-pkg)');
});

test('each gRPC requirement names an apt package that .ci/run installs', () => {
  const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');
  const installed = [...ciRun.matchAll(/missing\+=\(([\w.-]+)\)/g)].map((match) => match[1]);
  expect(GRPC.map((requirement) => requirement.apt)).toEqual([
    'protobuf-compiler',
    'protoc-gen-go',
    'protoc-gen-go-grpc',
    'golang-google-grpc-dev',
    'golang-google-protobuf-dev',
    'golang-github-golang-protobuf-1-5-dev',
  ]);
  for (const requirement of GRPC) expect(installed).toContain(requirement.apt);
});

test('without protoc-gen-go-grpc, the gRPC tests say so and name its package', () => {
  const pretend = GRPC.map((requirement) => ({
    ...requirement,
    present: () => requirement.what !== 'protoc-gen-go-grpc',
  }));
  expect(firstMissing(pretend)).toBe(
    'protoc-gen-go-grpc is not installed (apt-get install protoc-gen-go-grpc)',
  );
});
