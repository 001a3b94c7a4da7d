// Catches whatever escapes to the process while an abuse test runs:
// an exception nobody caught, a promise rejected with no handler. A
// server that lets either happen would, in production, be brought
// down by the client that caused it; here the test fails instead.

import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** Fails each test in this file after which anything went unhandled. */
export function failOnUnhandled() {
  const escaped: unknown[] = [];
  const record = (error: unknown) => escaped.push(error);
  beforeAll(() => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterEach(async () => {
    // A rejection is reported a turn after it happens.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(escaped.map(String)).toEqual([]);
  });
  afterAll(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });
}
