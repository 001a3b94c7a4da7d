import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is where .ci/run reads its pass and fail counts.
    reporters: ['default', 'json', './tests/support/skip-reporter.ts'],
    outputFile: { json: 'reports/vitest.json' },
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
          // A page under a loaded machine can take seconds to answer;
          // polls wait for what a reader would see, not for a clock.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
