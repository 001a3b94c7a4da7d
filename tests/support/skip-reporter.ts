// Ends every test run by naming each skipped test and why, so that a
// skip is never silent. Tests give the reason in their name or note.

import type { Reporter, TestModule } from 'vitest/node';

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const skipped = modules.flatMap((module) =>
      [...module.children.allTests('skipped')].map((test) => {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        return `  - ${test.fullName}${note ? ` (${note})` : ''}`;
      }),
    );
    if (skipped.length === 0) return;
    console.log(`\nSkipped ${skipped.length} test(s):\n${skipped.join('\n')}\n`);
  }
}
