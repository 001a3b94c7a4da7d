// The built site, served by the playground, in real Chromium: the echo
// page's cell runs its demo against /ws/echo and shows every line.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { createStaticSite } from '../../playground-server/static-site.ts';
import { axeInBothThemes, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const site = fileURLToPath(new URL('../../dist/', import.meta.url));
const withChromium = needs(whyChromiumIsMissing());

withChromium.describe('the echo page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  /** The cell's output as [direction, kind, text] rows. */
  const outputOf = (page: import('playwright-core').Page) =>
    page.locator('wb-cell .wb-line').evaluateAll((items) =>
      items.map((item) => {
        const data = item.querySelector<HTMLElement>('.wb-data')!;
        return [item.getAttribute('data-direction'), data.dataset['kind'], data.textContent];
      }),
    );

  test('Run echoes text and binary, loading the demo only on Run; axe passes in both themes', async () => {
    const { page, problems, requests } = await openPage(
      browser,
      `${server.url}/websocket/echo-server/`,
    );
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    const status = cell.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('idle');
    await expect.poll(() => cell.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    expect(requests.filter((url) => url.includes('echo-client'))).toEqual([]);

    await cell.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^done in \d+ ms$/);

    expect(requests.filter((url) => url.includes('echo-client'))).toHaveLength(1);
    const ws = `${server.url.replace('http', 'ws')}/ws/echo`;
    expect(await outputOf(page)).toEqual([
      ['info', 'text', `connected to ${ws}`],
      ['sent', 'text', 'hello, wire'],
      ['sent', 'binary', '4 bytes: ca fe ba be'],
      ['received', 'text', 'hello, wire'],
      ['received', 'binary', '4 bytes: ca fe ba be'],
      ['info', 'text', 'closed with code 1000'],
    ]);
    // Each line starts with its time and says its direction in words.
    const first = cell.getByRole('log').locator('li').first();
    expect(await first.textContent()).toMatch(/^\+\d+ ms·info: connected to /);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });

  test('Run a second time starts afresh', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/echo-server/`);
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    for (let round = 0; round < 2; round++) {
      await cell.getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => cell.getByRole('status').textContent()).toMatch(/^done/);
    }
    expect(await outputOf(page)).toHaveLength(6);
    expect(problems).toEqual([]);
  });

  test('Stop while connecting stops the run and says so', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/echo-server/`);
    // Hold the health check so the run stays in "connecting".
    await page.route('**/healthz', () => {});
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => cell.getByRole('status').textContent()).toBe('connecting');
    await cell.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => cell.getByRole('status').textContent()).toMatch(/^stopped in \d+ ms$/);
    expect(await outputOf(page)).toEqual([['error', 'text', 'stopped: by the reader']]);
    expect(await cell.getByRole('button', { name: 'Run' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  describe('without a playground', () => {
    let staticOnly: Server;
    let url: string;

    beforeAll(async () => {
      const serve = createStaticSite(site);
      staticOnly = createServer(serve);
      await new Promise<void>((resolve) => staticOnly.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(staticOnly.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => staticOnly.close(resolve)));

    test('the page still reads, and Run says how to start the playground', async () => {
      const { page } = await openPage(browser, `${url}/websocket/echo-server/`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('An echo server, from ws to gorilla');
      const cell = page.getByRole('group', { name: 'Demo: echo client' });
      await cell.getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => cell.getByRole('status').textContent()).toBe('error');
      expect(await outputOf(page)).toEqual([
        [
          'error',
          'text',
          `The playground is not reachable at ${url}. Start it with ` +
            '`npm install && npm start` in a clone of Wirebook, then Run.',
        ],
      ]);
    });
  });
});
