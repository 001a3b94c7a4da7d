import { expect, test } from 'vitest';
import { runInNode } from '../../tests/support/playground.ts';
import { run } from './reads-and-writes.ts';

test('one write arrives as three reads, and three writes as one', async () => {
  // The demo makes its own connection; it needs no playground.
  const result = await runInNode(run, 'http://127.0.0.1:9');
  expect(result.text).toEqual([
    'info write 40 bytes: "forty bytes, one write, three reads ...\\n"',
    'info read 16 bytes: "forty bytes, one"',
    'info read 16 bytes: " write, three re"',
    'info read 8 bytes: "ads ...\\n"',
    'info the decoder has a message: "forty bytes, one write, three reads ..."',
    'info write 4 bytes: "one\\n"',
    'info write 4 bytes: "two\\n"',
    'info write 6 bytes: "three\\n"',
    'info read 14 bytes: "one\\ntwo\\nthree\\n"',
    'info the decoder has a message: "one"',
    'info the decoder has a message: "two"',
    'info the decoder has a message: "three"',
  ]);
  expect(result.ok).toBe(true);
});

test('Stop closes both ends and the listener', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, 'http://127.0.0.1:9', {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'info' && String(line.data).startsWith('read 8')) {
        stop.abort(new DOMException('by the reader', 'AbortError'));
      }
    },
  });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  expect(result.text).not.toContain('info write 4 bytes: "one\\n"');
});
