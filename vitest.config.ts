import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is where .ci/run reads its pass and fail counts.
    reporters: ['default', 'json', './tests/support/skip-reporter.ts'],
    outputFile: { json: 'reports/vitest.json' },
    // expect.poll waits for a state, never for a speed: allow a busy
    // machine (a browser under load) far more than the default second.
    expect: { poll: { timeout: 10_000 } },
    // The projects run one after another, unit, then abuse, then
    // browser: an attack never shares the machine with a test that
    // measures time, nor with a browser waiting on a page. The orders
    // start at 1: vitest runs a single-worker project left at 0 last.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 1 },
          include: [
            'examples/**/*.test.ts',
            'src/**/*.test.ts',
            'playground-server/**/*.test.ts',
            'shared/**/*.test.ts',
            'tests/*.test.ts',
          ],
          testTimeout: 15_000,
          // Every notes API answer a test gets is checked against the
          // API's OpenAPI description.
          setupFiles: ['tests/support/openapi-conformance-setup.ts'],
          // Most of these files wait (on sockets, timers, child
          // processes) far more than they compute; vitest's default on
          // two cores, one file at a time, leaves the CPU idle. Three
          // at a time measured 2.6x faster on half of them (bench/RESULTS.md).
          maxWorkers: 3,
        },
      },
      {
        extends: true,
        test: {
          // The server under attack, loopback only: floods, slow and
          // oversized clients, random bytes, churn. One file at a time,
          // so that no two attacks share the machine.
          name: 'abuse',
          sequence: { groupOrder: 2 },
          include: ['tests/abuse/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 3 },
          // tests/deploy/ runs every cell through nginx, in this
          // project's Chromium, on its built site.
          include: ['tests/e2e/**/*.test.ts', 'tests/deploy/**/*.test.ts'],
          globalSetup: ['tests/e2e/build-site.ts', 'tests/e2e/chromium-server.ts'],
          // Generous: axe over a whole page takes long on a busy machine.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page under a loaded machine can take seconds to answer;
          // polls wait for what a reader would see, not for a clock.
          expect: { poll: { timeout: 10_000 } },
          // Two files at a time: they share one Chromium, which does
          // their rendering and axe while each file mostly waits; each
          // file has its own playground on ephemeral ports, and the site
          // is built once, in globalSetup, before any file starts.
          maxWorkers: 2,
          // Concurrent tests (every-page's axe runs) at most three at a
          // time: enough to keep two cores busy while one page loads.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
