// The WebSocket part's behaviour pages in real Chromium, served by the
// playground: each page's cell runs its demo, its output is checked,
// the page logs no errors, and it passes axe in the light and the dark
// theme with the output (tables and charts included) on screen.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

/** A cell's text lines as "direction text", leaving out views. */
const linesOf = (cell: Locator) =>
  cell
    .locator('.wb-line:not([data-direction="view"])')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-direction')} ${item.querySelector('.wb-data')?.textContent}`,
      ),
    );

/** A table view's rows as objects of cell texts. */
const tableOf = (cell: Locator) =>
  cell.locator('.wb-view[data-view="table"] table').evaluate((table: HTMLTableElement) => {
    const heads = [...table.tHead!.rows[0]!.cells].map((th) => th.textContent ?? '');
    return [...table.tBodies[0]!.rows].map((row) =>
      Object.fromEntries([...row.cells].map((td, i) => [heads[i], td.textContent ?? ''])),
    );
  });

/** Clicks Run on the page's one cell and waits until it is done. */
async function run(page: Page, name: string, timeout = 20_000) {
  const cell = page.getByRole('group', { name: `Demo: ${name}` });
  await cell.getByRole('button', { name: 'Run' }).click();
  const status = cell.getByRole('status');
  await expect
    .poll(() => status.textContent(), { timeout, interval: 200 })
    .toMatch(/^(done|error|stopped)/);
  expect(await status.textContent(), (await linesOf(cell)).join('\n')).toMatch(/^done in \d+ ms$/);
  return cell;
}

withChromium.describe('the WebSocket behaviour pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  /** What each page's cell must show; returns nothing, asserts all. */
  const pages: Record<string, { check(page: Page): Promise<void> }> = {
    '/websocket/why/': {
      async check(page) {
        // The browser test runs a 3 s comparison instead of 10 s,
        // through the endpoint's own bounded `seconds` parameter.
        await page.route('**/why/runs?seconds=10', (route) =>
          route.continue({ url: route.request().url().replace('seconds=10', 'seconds=3') }),
        );
        const cell = await run(page, 'four transports, one run');
        const lines = await linesOf(cell);
        expect(lines[0]).toBe('info following one run of events four ways at once…');
        expect(lines[1]).toMatch(/^info the server made \d+ events; each way heard:$/);
        const events = /made (\d+) events/.exec(lines[1]!)![1]!;
        const rows = await tableOf(cell);
        const by = Object.fromEntries(rows.map((row) => [row['transport'], row]));
        expect(Object.keys(by)).toEqual([
          'short polling',
          'long polling',
          'Server-Sent Events',
          'WebSocket',
        ]);
        for (const row of rows) expect(row['events'], row['transport']).toBe(events);
        const n = (transport: string, column: string) => Number(by[transport]![column]);
        const bytes = (transport: string) => n(transport, 'bytes up') + n(transport, 'bytes down');
        expect(n('WebSocket', 'requests')).toBe(1);
        expect(n('Server-Sent Events', 'requests')).toBe(1);
        expect(n('short polling', 'requests')).toBeGreaterThan(n('WebSocket', 'requests'));
        expect(bytes('short polling')).toBeGreaterThan(bytes('WebSocket'));
        expect(bytes('short polling')).toBeGreaterThan(bytes('Server-Sent Events'));
        // The chart: one drawing per measure, each naming its numbers.
        const charts = cell.locator('.wb-view[data-view="bars"] svg[role="img"]');
        expect(await charts.count()).toBe(3);
        expect(await charts.first().getAttribute('aria-label')).toBe(
          `requests: short polling ${by['short polling']!['requests']}, ` +
            `long polling ${by['long polling']!['requests']}, ` +
            'Server-Sent Events 1, WebSocket 1',
        );
      },
    },
    '/websocket/messages/': {
      async check(page) {
        const cell = await run(page, 'text and binary');
        expect(await linesOf(cell)).toEqual([
          'info "héllo" is 5 characters, 6 bytes of UTF-8 on the wire',
        ]);
        expect(await tableOf(cell)).toEqual([
          { binaryType: 'blob', sent: 'a string', kind: 'text', received: 'string "héllo"' },
          { binaryType: 'blob', sent: 'a Uint8Array', kind: 'binary', received: 'Blob of ca fe' },
          { binaryType: 'blob', sent: 'a Blob', kind: 'binary', received: 'Blob of ca fe' },
          {
            binaryType: 'arraybuffer',
            sent: 'a string',
            kind: 'text',
            received: 'string "héllo"',
          },
          {
            binaryType: 'arraybuffer',
            sent: 'a Uint8Array',
            kind: 'binary',
            received: 'ArrayBuffer of ca fe',
          },
          {
            binaryType: 'arraybuffer',
            sent: 'a Blob',
            kind: 'binary',
            received: 'ArrayBuffer of ca fe',
          },
        ]);
      },
    },
    '/websocket/control-frames/': {
      async check(page) {
        const cell = await run(page, 'close with 4000');
        expect(await linesOf(cell)).toEqual([
          'info connected; the server will report on this connection',
          'info close(1001, 0-byte reason) throws InvalidAccessError',
          'info close(4000, 124-byte reason) throws SyntaxError',
          'sent close frame: 4000 "reader left"',
          'received close frame: 4000 "reader left"',
          'info the client saw wasClean = true',
          'info the server saw code 4000, reason "reader left"',
        ]);
      },
    },
    '/websocket/streams/': {
      async check(page) {
        const cell = await run(page, 'stream echo');
        expect(await linesOf(cell)).toEqual([
          'sent hello, stream',
          'sent 2 bytes: ca fe',
          'received 13 bytes: 68 65 6c 6c 6f 2c 20 73 74 72 65 61 6d',
          'received 2 bytes: ca fe',
          'info message 1 went as text, came back as binary',
          'info message 2 went as binary, came back as binary',
        ]);
      },
    },
    '/websocket/concurrency/': {
      async check(page) {
        const cell = await run(page, 'bufferedAmount', 30_000);
        const lines = await linesOf(cell);
        expect(lines).toEqual([
          'info sending 6 MiB in 64 KiB messages, waiting whenever bufferedAmount reaches 512 KiB',
          expect.stringMatching(
            /^info bufferedAmount peaked at [1-9]\d* KiB with \d+ KiB sent and \d+ KiB read by the server$/,
          ),
          'info the server read all 6 MiB; bufferedAmount is back to 0',
        ]);
        const chart = cell.locator('.wb-view[data-view="line"]');
        expect(await chart.locator('polyline').count()).toBe(3);
        expect(await chart.locator('.wb-chart-legend li').allTextContents()).toEqual([
          ' sent',
          ' bufferedAmount',
          ' read by the server',
        ]);
        const label = await chart.locator('svg[role="img"]').getAttribute('aria-label');
        expect(label).toMatch(
          /^Where the bytes are, KiB over ms since the first send: sent from \d+ to 6,144, highest 6,144; bufferedAmount from \d+ to 0, highest [1-9][\d,]*; read by the server from \d+ to 6,144, highest 6,144$/,
        );
      },
    },
    '/websocket/push/': {
      async check(page) {
        const cell = await run(page, 'two readers');
        expect(await linesOf(cell)).toEqual([
          'info Ada gets a welcome: connected',
          'info Ada sees 1 reader here',
          'info Bob gets a welcome: connected',
          'info Bob sees 2 readers here',
          'info Ada sees 2 readers here',
          'sent Ada: {"type":"chat","text":"Hello, Bob!"}',
          'info Bob hears Ada: Hello, Bob!',
          'sent Bob: {"type":"chat","text":"Hi, Ada!"}',
          'info Ada hears Bob: Hi, Ada!',
          'info Ada gets a tick from the server',
          'info Bob gets a tick from the server',
          'info Ada sees 1 reader here',
        ]);
      },
    },
  };

  test.each(Object.keys(pages))(
    '%s: Run shows the output, with no errors, and axe passes in light and dark',
    async (path) => {
      const { page, problems } = await openPage(browser, `${server.url}${path}`);
      await pages[path]!.check(page);
      expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
      expect(problems).toEqual([]);
      await page.context().close();
      await expect.poll(() => server.playground.openWebSockets(), { timeout: 10_000 }).toBe(0);
    },
  );

  test('every page is in the sidebar', async () => {
    const { page } = await openPage(browser, `${server.url}/websocket/why/`);
    const links = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of Object.keys(pages)) expect(links).toContain(path);
    await page.context().close();
  });
});
