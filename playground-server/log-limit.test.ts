import { expect, test } from 'vitest';
import { limitedLog } from './log-limit.ts';

test('a burst is written, then a steady rate, and what was left out is counted', () => {
  let time = 0;
  const lines: string[] = [];
  const log = limitedLog(
    6,
    (line) => lines.push(line),
    () => time,
  );
  for (let i = 0; i < 100; i++) log(`failure ${i}`);
  expect(lines).toEqual([0, 1, 2, 3, 4, 5].map((i) => `failure ${i}`));
  // Six a minute: one more every ten seconds.
  time += 10_000;
  log('failure 100');
  expect(lines.at(-1)).toBe('failure 100 (94 more like it left out of the log)');
  log('failure 101');
  expect(lines).toHaveLength(7);
  time += 10_000;
  log('failure 102');
  expect(lines.at(-1)).toBe('failure 102 (1 more like it left out of the log)');
});
