import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is where .ci/run reads its pass and fail counts.
    reporters: ['default', 'json', './tests/support/skip-reporter.ts'],
    outputFile: { json: 'reports/vitest.json' },
    // A poll waits for something to happen, not for it to be fast: on
    // a busy machine a page or a socket can take more than the 1 s
    // default to get there. Timing belongs in bench/, not in tests.
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
