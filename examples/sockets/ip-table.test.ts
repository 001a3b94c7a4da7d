import { expect, test } from 'vitest';
import { runInNode } from '../../tests/support/playground.ts';
import { run } from './ip-table.ts';

test('the table shows bytes, To4 and text for each input', async () => {
  // The demo needs no playground: it only parses.
  const result = await runInNode(run, 'http://127.0.0.1:9');
  expect(result.lines[0]).toMatchObject({
    direction: 'view',
    view: 'table',
    value: [
      { input: '192.0.2.1', bytes: '00000000000000000000ffffc0000201', to4: 'c0000201', string: '192.0.2.1' },
      { input: '::ffff:192.0.2.1', bytes: '00000000000000000000ffffc0000201', to4: 'c0000201', string: '192.0.2.1' },
      { input: '2001:0DB8:0000:0000:0000:0000:0000:0001', bytes: '20010db8000000000000000000000001', to4: 'null', string: '2001:db8::1' },
      { input: '2001:db8:0:1:0:0:0:1', bytes: '20010db8000000010000000000000001', to4: 'null', string: '2001:db8:0:1::1' },
      { input: '::', bytes: '00000000000000000000000000000000', to4: 'null', string: '::' },
      { input: '127.001.002.003', bytes: 'null', to4: '', string: '' },
      { input: 'fe80::1%eth0', bytes: 'null', to4: '', string: '' },
      { input: '[::1]', bytes: 'null', to4: '', string: '' },
      { input: 'localhost', bytes: 'null', to4: '', string: '' },
    ],
  });
  expect(result.text.slice(1)).toEqual(['info 5 of 9 inputs are IP addresses']);
  expect(result.ok).toBe(true);
});
