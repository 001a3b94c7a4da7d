// Tests that need something the machine may lack (Chromium, Go, Redis,
// nc, network namespaces, IPv6 loopback) take the reason it is missing,
// or null. Locally a missing tool skips them, with the reason in the
// name, and the skip reporter lists them. Under CI (CI=true or CI=1) a
// skip would let the run go green without them: they fail instead,
// naming what is missing and its apt package.

import { describe, type TestFunction, test } from 'vitest';

/** What becomes of a test that needs something: it runs, skips or fails. */
export type Verdict = 'run' | 'skip' | 'fail';

/** True when CI is set to "true" or "1", as CI services set it. */
export function underCI(env: NodeJS.ProcessEnv = process.env) {
  const ci = env['CI']?.toLowerCase();
  return ci === 'true' || ci === '1';
}

/** Runs when nothing is missing; else skips locally and fails under CI. */
export function verdict(missing: string | null, env: NodeJS.ProcessEnv = process.env): Verdict {
  if (missing === null) return 'run';
  return underCI(env) ? 'fail' : 'skip';
}

/** One thing a test needs: how to tell it is there, and its apt package. */
export interface Requirement {
  what: string;
  present: () => boolean;
  apt: string;
}

/** Why the first absent requirement is missing, naming its apt package; null if none is. */
export function firstMissing(requirements: readonly Requirement[]) {
  const absent = requirements.find((requirement) => !requirement.present());
  return absent ? `${absent.what} is not installed (apt-get install ${absent.apt})` : null;
}

/** The error a test fails with under CI when what it needs is missing. */
function missingError(missing: string) {
  return new Error(`CI must run this test, but ${missing}`);
}

/**
 * `test` and `describe` for tests that need what `missing` names (null
 * when nothing is). Under CI a whole describe block becomes one failing
 * test of the same name: its hooks would only fail for the same reason.
 */
export function needs(missing: string | null, env: NodeJS.ProcessEnv = process.env) {
  const mode = verdict(missing, env);
  const skipped = (name: string) => `${name} (skipped: ${missing})`;
  const failing = (name: string) =>
    test(name, () => {
      throw missingError(missing ?? '');
    });
  return {
    test(name: string, fn: TestFunction, timeout?: number) {
      if (mode === 'run') test(name, fn, timeout);
      else if (mode === 'skip') test.skip(skipped(name), fn);
      else failing(name);
    },
    describe(name: string, fn: () => void) {
      if (mode === 'run') describe(name, fn);
      else if (mode === 'skip') describe.skip(skipped(name), fn);
      else failing(name);
    },
  };
}
