// The reconnecting page in real Chromium: the smallest loop reads the
// same three counts three times, the resuming reader gets 1 to 9 across
// real drops (1006 in the browser) with backoff in between, and the
// client heartbeat replaces a connection that hangs; no console
// errors, and axe clean in both themes.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, cellLines, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

/** Clicks Run on the named cell and waits until it is done. */
async function run(page: Page, name: string) {
  const cell = page.getByRole('group', { name: `Demo: ${name}` });
  await cell.getByRole('button', { name: 'Run' }).click();
  const status = cell.getByRole('status');
  await expect
    .poll(() => status.textContent(), { timeout: 15_000, interval: 200 })
    .toMatch(/^(done|error|stopped)/);
  expect(await status.textContent(), (await cellLines(cell)).join('\n')).toMatch(
    /^done in \d+ ms$/,
  );
  return cellLines(cell);
}

const count = (seq: number) => `received {"type":"count","seq":${seq}}`;

withChromium.describe('the reconnecting page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  test('each cell shows its drops, waits and resumes; no errors; axe passes in light and dark', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/reconnecting/`);

    const once = [1, 2, 3].map(count);
    const closed = 'info closed with 1006';
    const again = 'info connecting again in 500 ms';
    expect(await run(page, 'the smallest reconnect loop')).toEqual([
      ...once,
      closed,
      again,
      ...once,
      closed,
      again,
      ...once,
      closed,
    ]);

    const retry = /^info closed with 1006 after 3 messages; retrying in \d+ ms$/;
    expect(await run(page, 'drop, back off, resume')).toEqual([
      'info connecting to /ws/flaky?after=3',
      count(1),
      count(2),
      count(3),
      expect.stringMatching(retry),
      'info connecting to /ws/flaky?after=3&since=3',
      count(4),
      count(5),
      count(6),
      expect.stringMatching(retry),
      'info connecting to /ws/flaky?after=3&since=6',
      count(7),
      count(8),
      count(9),
      'info got 1 to 9, each once',
    ]);

    expect(await run(page, 'a connection that hangs')).toEqual([
      'info connecting to /ws/flaky?after=3&mode=hang&since=0',
      count(1),
      count(2),
      count(3),
      expect.stringMatching(
        /^info closed with 1006 "no answer to a ping" after 3 messages; retrying in \d+ ms$/,
      ),
      'info connecting to /ws/flaky?after=3&mode=hang&since=3',
      count(4),
      count(5),
      count(6),
      'info got 1, 2, 3, 4, 5, 6',
    ]);

    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
    await page.context().close();
    await expect.poll(() => server.playground.openWebSockets(), { timeout: 10_000 }).toBe(0);
  }, 90_000);

  test('the page is in the sidebar, after push', async () => {
    const { page } = await openPage(browser, `${server.url}/websocket/push/`);
    const links = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const push = links.indexOf('/websocket/push/');
    expect(push).toBeGreaterThanOrEqual(0);
    expect(links[push + 1]).toBe('/websocket/reconnecting/');
    await page.context().close();
  });
});
