// The wire-level WebSocket pages in real Chromium: the handshake, the
// frames and the server from scratch, each cell run against the
// playground and its output checked, no console errors, and axe clean
// in both themes with that output on the page.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { acceptKey } from '../../examples/websocket/handshake.ts';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

withChromium.describe('the wire-level WebSocket pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  /** Runs the named cell to "done"; returns its lines as [direction, text]. */
  async function runCell(page: Page, name: string) {
    const cell = page.getByRole('group', { name: `Demo: ${name}` });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => cell.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^done in \d+ ms$/);
    const lines = await cell
      .locator('.wb-line')
      .evaluateAll((items) =>
        items.map((item) => [
          item.getAttribute('data-direction')!,
          item.querySelector('.wb-data, .wb-view')!.textContent!,
        ]),
      );
    return { cell, lines };
  }

  /** Each frames table under a cell, as rows of its cells' text. */
  function framesTables(cell: ReturnType<Page['getByRole']>) {
    return cell
      .locator('.wb-view[data-view="frames"] table')
      .evaluateAll((tables) =>
        tables.map((table) =>
          [...table.querySelectorAll('tbody tr')].map((row) => [
            ...[...row.querySelector('td')!.querySelectorAll('[data-field]')].map(
              (part) => `${part.getAttribute('data-field')}=${part.textContent}`,
            ),
            ...[...row.children]
              .filter((c) => c.tagName !== 'TD' || c.querySelector('code') === null)
              .map((c) => c.textContent),
          ]),
        ),
      );
  }

  test('the handshake cell shows the browser’s own request and the 101', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/handshake/`);
    const { lines } = await runCell(page, 'handshake');
    const { host } = new URL(server.url);
    expect(lines.map(([direction]) => direction)).toEqual(['info', 'received', 'received', 'info']);
    expect(lines[0]![1]).toBe(`connected to ws://${host}/ws/handshake`);
    const request = lines[1]![1]!;
    expect(request).toMatch(/^GET \/ws\/handshake HTTP\/1\.1\n/);
    // Chromium's real headers, Origin among them.
    expect(request).toContain(`\nOrigin: ${server.url}\n`);
    expect(request).toMatch(/\nUser-Agent: .*Chrome/);
    expect(request).toMatch(/\nSec-WebSocket-Extensions: permessage-deflate/);
    const key = /\nSec-WebSocket-Key: (\S+)/.exec(request)?.[1];
    expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(lines[2]![1]).toBe(
      'HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n' +
        `Sec-WebSocket-Accept: ${acceptKey(key!)}`,
    );
    expect(lines[3]![1]).toBe('closed with code 1000 handshake shown');
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });

  test('the frames cell encodes the RFC examples and walks the decoder', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/frames/`);
    const { cell, lines } = await runCell(page, 'frame walk');
    // The frames view is drawn once its module loads, maybe after the run ends.
    await expect.poll(async () => (await framesTables(cell)).length).toBeGreaterThan(0);
    const [table] = await framesTables(cell);
    expect(table).toEqual([
      [
        'head=81 05',
        'payload=48 65 6c 6c 6f',
        'text',
        'FIN 1 · RSV 000 · opcode 0x1 text · MASK 0 · length 5 · "Hello"',
      ],
      [
        'head=81 85',
        'mask=37 fa 21 3d',
        'payload=7f 9f 4d 51 58',
        'masked text',
        'FIN 1 · RSV 000 · opcode 0x1 text · MASK 1 · length 5 · "Hello"',
      ],
      [
        'head=01 03',
        'payload=48 65 6c',
        'first fragment',
        'FIN 0 · RSV 000 · opcode 0x1 text · MASK 0 · length 3 · "Hel"',
      ],
      [
        'head=80 02',
        'payload=6c 6f',
        'last fragment',
        'FIN 1 · RSV 000 · opcode 0x0 continuation · MASK 0 · length 2',
      ],
      [
        'head=89 05',
        'payload=48 65 6c 6c 6f',
        'ping',
        'FIN 1 · RSV 000 · opcode 0x9 ping · MASK 0 · length 5 · "Hello"',
      ],
      [
        'head=8a 85',
        'mask=37 fa 21 3d',
        'payload=7f 9f 4d 51 58',
        'masked pong',
        'FIN 1 · RSV 000 · opcode 0xa pong · MASK 1 · length 5 · "Hello"',
      ],
      [
        'head=82 7e',
        'length=01 00',
        `payload=${Array(16).fill('00').join(' ')}`,
        '256 bytes',
        'FIN 1 · RSV 000 · opcode 0x2 binary · MASK 0 · length 256',
      ],
      [
        'head=82 7f',
        'length=00 00 00 00 00 01 00 00',
        `payload=${Array(16).fill('00').join(' ')}`,
        '64 KiB',
        'FIN 1 · RSV 000 · opcode 0x2 binary · MASK 0 · length 65536',
      ],
    ]);
    expect(lines.slice(1)).toEqual([
      [
        'info',
        'masked text, one byte at a time: GET_INFO (2) → GET_MASK (4) → GET_DATA (5) → frame',
      ],
      [
        'info',
        '256 bytes, one byte at a time: GET_INFO (2) → GET_PAYLOAD_LENGTH_16 (2) → GET_DATA (256) → frame',
      ],
      [
        'info',
        '64 KiB, one byte at a time: GET_INFO (2) → GET_PAYLOAD_LENGTH_64 (8) → GET_DATA (65536) → frame',
      ],
      ['info', 'unmasked text: WS_ERR_EXPECTED_MASK → close 1002'],
      ['info', 'opcode 0x3: WS_ERR_INVALID_OPCODE → close 1002'],
      ['info', 'fragmented ping: WS_ERR_FRAGMENTED_CONTROL → close 1002'],
      ['info', 'text "\\xc3\\x28": WS_ERR_INVALID_UTF8 → close 1007'],
      ['info', 'a 1 MiB length: WS_ERR_TOO_BIG → close 1009'],
    ]);
    // The diagram is drawn at build time and has a text alternative.
    await expect
      .poll(() => page.getByRole('img', { name: 'The bit layout of a WebSocket frame' }).count())
      .toBe(1);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });

  test('the raw echo cell shows every frame the server read and wrote', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/raw-server/`);
    const { cell, lines } = await runCell(page, 'raw echo with frame inspector');
    expect(lines.map(([direction]) => direction)).toEqual([
      'info',
      'sent',
      'received',
      'view',
      'sent',
      'received',
      'view',
      'info',
      'view',
    ]);
    expect(lines[0]![1]).toMatch(/^connected to ws:\/\/.*\/ws\/raw-echo\?inspect=[0-9a-f]{24}$/);
    expect(lines.filter(([d]) => d === 'sent' || d === 'received').map(([, text]) => text)).toEqual(
      ['Hello', 'Hello', '2 bytes: ca fe', '2 bytes: ca fe'],
    );
    expect(lines[7]![1]).toBe('closed with code 1000 done');
    const mask = expect.stringMatching(/^mask=[0-9a-f]{2}( [0-9a-f]{2}){3}$/);
    const masked = expect.stringMatching(/^payload=[0-9a-f]{2}( [0-9a-f]{2})*$/);
    await expect
      .poll(() => framesTables(cell))
      .toEqual([
        [
          [
            'head=81 85',
            mask,
            masked,
            'read',
            'FIN 1 · RSV 000 · opcode 0x1 text · MASK 1 · length 5 · "Hello"',
          ],
          [
            'head=81 05',
            'payload=48 65 6c 6c 6f',
            'wrote',
            'FIN 1 · RSV 000 · opcode 0x1 text · MASK 0 · length 5 · "Hello"',
          ],
        ],
        [
          [
            'head=82 82',
            mask,
            masked,
            'read',
            'FIN 1 · RSV 000 · opcode 0x2 binary · MASK 1 · length 2',
          ],
          [
            'head=82 02',
            'payload=ca fe',
            'wrote',
            'FIN 1 · RSV 000 · opcode 0x2 binary · MASK 0 · length 2',
          ],
        ],
        [
          [
            'head=88 86',
            mask,
            masked,
            'read',
            'FIN 1 · RSV 000 · opcode 0x8 close · MASK 1 · length 6 · code 1000 "done"',
          ],
          [
            'head=88 06',
            'payload=03 e8 64 6f 6e 65',
            'wrote',
            'FIN 1 · RSV 000 · opcode 0x8 close · MASK 0 · length 6 · code 1000 "done"',
          ],
        ],
      ]);
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });
});
