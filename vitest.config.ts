import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is where .ci/run reads its pass and fail counts.
    reporters: ['default', 'json', './tests/support/skip-reporter.ts'],
    outputFile: { json: 'reports/vitest.json' },
    // The machine may be busy: give expect.poll time before it fails.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['examples/**/*.test.ts', 'src/**/*.test.ts', 'playground-server/**/*.test.ts', 'tests/*.test.ts'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
