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
      {
        input: '192.0.2.1',
        ipString: '192.0.2.1',
        to4: 'c0000201',
        bytes: '0000 0000 0000 0000 0000 ffff c000 0201',
      },
      {
        input: '::ffff:192.0.2.1',
        ipString: '192.0.2.1',
        to4: 'c0000201',
        bytes: '0000 0000 0000 0000 0000 ffff c000 0201',
      },
      {
        input: '2001:0DB8:0000:0000:0000:0000:0000:0001',
        ipString: '2001:db8::1',
        to4: 'null',
        bytes: '2001 0db8 0000 0000 0000 0000 0000 0001',
      },
      {
        input: '2001:db8:0:1:0:0:0:1',
        ipString: '2001:db8:0:1::1',
        to4: 'null',
        bytes: '2001 0db8 0000 0001 0000 0000 0000 0001',
      },
      { input: '2001:db8::00001', ipString: '', to4: '', bytes: 'null' },
      {
        input: '::',
        ipString: '::',
        to4: 'null',
        bytes: '0000 0000 0000 0000 0000 0000 0000 0000',
      },
      { input: '127.001.002.003', ipString: '', to4: '', bytes: 'null' },
      { input: 'fe80::1%eth0', ipString: '', to4: '', bytes: 'null' },
      { input: '[::1]', ipString: '', to4: '', bytes: 'null' },
      { input: 'localhost', ipString: '', to4: '', bytes: 'null' },
    ],
  });
  expect(result.text.slice(1)).toEqual(['info 5 of 10 inputs are IP addresses']);
  expect(result.ok).toBe(true);
});
