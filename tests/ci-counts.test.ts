import { expect, test } from 'vitest';
import { ciCounts, type JsonReport } from '../scripts/ci-counts.ts';

/** A report as vitest writes it: one passing file, one with a skip and a todo, one broken. */
const report: JsonReport = {
  testResults: [
    {
      name: '/repo/a.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { fullName: 'adds', status: 'passed' },
        { fullName: 'subtracts', status: 'failed' },
      ],
    },
    {
      name: '/repo/b.test.ts',
      status: 'passed',
      message: '',
      assertionResults: [
        { fullName: 'needs Go (skipped: Go is not installed)', status: 'pending' },
        { fullName: 'some day', status: 'todo' },
        { fullName: 'multiplies', status: 'passed' },
      ],
    },
    {
      name: '/repo/c.test.ts',
      status: 'failed',
      message: 'Cannot find module ./gone.ts',
      assertionResults: [],
    },
  ],
};

test('the last line counts passed, failed (with broken files) and skipped (with todo)', () => {
  const { lines, ok } = ciCounts(report, false);
  expect(lines).toEqual([
    'failed outside a test: /repo/c.test.ts: Cannot find module ./gone.ts',
    '2 passed, 2 failed, 2 skipped',
  ]);
  expect(ok).toBe(false);
});

test('locally a skip alone passes; under CI it fails, naming each skipped test', () => {
  const skipsOnly: JsonReport = { testResults: [report.testResults[1]!] };
  expect(ciCounts(skipsOnly, false)).toEqual({
    lines: ['1 passed, 0 failed, 2 skipped'],
    ok: true,
  });
  expect(ciCounts(skipsOnly, true)).toEqual({
    lines: [
      'skipped under CI: needs Go (skipped: Go is not installed)',
      'skipped under CI: some day',
      '1 passed, 0 failed, 2 skipped',
    ],
    ok: false,
  });
});

test('a run with nothing skipped or failed passes under CI', () => {
  const clean: JsonReport = {
    testResults: [
      {
        name: '/repo/d.test.ts',
        status: 'passed',
        message: '',
        assertionResults: [{ fullName: 'x', status: 'passed' }],
      },
    ],
  };
  expect(ciCounts(clean, true)).toEqual({ lines: ['1 passed, 0 failed, 0 skipped'], ok: true });
});
