// The REST pages, built and served by the playground, in real
// Chromium: every cell's Run prints what the same demo prints in Node,
// the explorer's presets all get their status, and every page passes
// axe in light and dark themes with no console errors.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Demo, Line } from '../../examples/demo-io.ts';
import { formatData } from '../../examples/demo-io.ts';
import { fromPreset, PRESETS } from '../../examples/rest/explorer.ts';
import type { RunningServer } from '../../playground-server/server.ts';
import { serverDemos } from '../../shared/server-demos.ts';
import { browserDemos } from '../../src/demos.ts';
import {
  axeInBothThemes,
  axeViolations,
  openPage,
  whyChromiumIsMissing,
} from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { runInNode } from '../support/playground.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

/** Each REST page, and the cells on it: [title, demo id]. */
const PAGES: [string, [string, string][]][] = [
  ['/rest/http-exchange/', [['a raw exchange', 'rest/raw-exchange']]],
  ['/rest/resources/', [['resources', 'rest/resources-client']]],
  ['/rest/representations/', [['representations', 'rest/representations-client']]],
  ['/rest/verbs/', [['the verbs', 'rest/verbs-client']]],
  [
    '/rest/conditional-requests/',
    [
      ['conditional requests', 'rest/conditional-client'],
      ['validators', 'rest/validators-client'],
    ],
  ],
  ['/rest/statelessness/', [['statelessness', 'rest/stateless-client']]],
  ['/rest/layers/', [['layers', 'rest/layers-client']]],
  ['/rest/errors/', [['errors', 'rest/errors-client']]],
  ['/rest/pagination/', [['offset and cursor', 'rest/pagination-client']]],
  ['/rest/rate-limits/', [['rate limit fields', 'rest/rate-limit-client']]],
  ['/rest/retries/', [['lost answer, retried', 'rest/retries-client']]],
  ['/rest/cors/', [['CORS', 'rest/cors-client']]],
  ['/rest/openapi/', [['the typed client', 'rest/typed-client']]],
  ['/rest/explorer/', []],
];

/**
 * What a page reported that it should not have. The demos and presets
 * ask for 4xx answers on purpose; Chromium logs each as a failed
 * resource, which is no fault of the page.
 */
function unexpected(problems: string[]) {
  return problems.filter(
    (problem) =>
      !/^4\d\d: http:\/\/[^/]+\/api\//.test(problem) &&
      // The CORS demo's refusals, which Chromium logs with why.
      !/^console: Access to fetch at 'http:\/\/localhost:\d+\/[^']*' from origin 'http:\/\/127\.0\.0\.1:\d+' has been blocked by CORS policy/.test(
        problem,
      ) &&
      !/^console: Failed to load resource: net::ERR_FAILED$/.test(problem) &&
      !/^console: Failed to load resource: the server responded with a status of 4\d\d/.test(
        problem,
      ),
  );
}

/**
 * Text with what differs from run to run blanked: each answer's Date
 * and the dates a note was modified, and what is left of a rate limit,
 * which depends on timing.
 */
function undated(text: unknown) {
  if (typeof text !== 'string') return text;
  return text
    .replace(/\r?\nDate: [^\r\n]+/g, '\nDate: *')
    .replace(/^(RateLimit: "default";r=)\d+/gm, '$1*')
    .replace(/^(Last-Modified|If-Modified-Since|If-Unmodified-Since): .+$/gm, '$1: *');
}

/** A cell's output: [direction, text], a view as its table's rows. */
async function outputOf(cell: Locator) {
  const lines = await cell.locator('.wb-line').evaluateAll((items) =>
    items.map((item) => {
      const table = item.querySelector('table');
      const content = table
        ? [...table.rows].map((row) => [...row.cells].map((c) => c.textContent))
        : item.querySelector('.wb-data')?.textContent;
      return [item.getAttribute('data-direction'), content];
    }),
  );
  return lines.map(([direction, content]) => [direction, undated(content)]);
}

/** The same, from a run in Node: a view drawn as the table view draws it. */
function expectedOf(lines: Line[]) {
  return lines.map((line) => {
    if (line.direction !== 'view') return [line.direction, undated(formatData(line.data))];
    const rows = line.value as Record<string, unknown>[];
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const cell = (value: unknown) =>
      value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return ['view', [columns, ...rows.map((row) => columns.map((c) => cell(row[c])))]];
  });
}

async function runCell(page: Page, title: string) {
  const cell = page.getByRole('group', { name: `Demo: ${title}` });
  await cell.getByRole('button', { name: 'Run' }).click();
  await expect
    .poll(() => cell.getByRole('status').textContent(), { timeout: 40_000 })
    .toMatch(/^done in \d+ ms$/);
  return cell;
}

withChromium.describe('the REST pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  test('the sidebar reaches every REST page, in order', async () => {
    const { page } = await openPage(browser, `${server.url}/rest/resources/`);
    const links = await page
      .locator('nav[aria-label="Main"] a[href^="/rest/"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(PAGES.map(([path]) => path));
  });

  test.each(
    PAGES.flatMap(([path, cells]) =>
      cells
        // It prints what the browser allows, which Node does not
        // enforce: tests/e2e/cors-page.test.ts checks it.
        .filter(([, id]) => id !== 'rest/cors-client')
        .map(([title, id]) => [path, title, id] as const),
    ),
  )(
    '%s: Run "%s" prints what the demo prints in Node, and the page passes axe in both themes',
    async (path, title, id) => {
      const { page, problems } = await openPage(browser, `${server.url}${path}`);
      const cell = await runCell(page, title);
      const load = browserDemos[id] ?? serverDemos[id];
      const { run } = (await load!()) as { run: Demo };
      const inNode = await runInNode(run, server.url);
      expect(inNode.ok).toBe(true);
      expect(await outputOf(cell)).toEqual(expectedOf(inNode.lines));
      expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
      expect(unexpected(problems)).toEqual([]);
    },
    120_000,
  );

  test('the explorer: every preset, in order, gets its status; axe passes in both themes', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/rest/explorer/`);
    const explorer = page.getByRole('group', { name: 'API explorer' });
    const status = explorer.getByRole('status');
    expect(await status.textContent()).toBe('Nothing sent yet.');
    for (const [index, preset] of PRESETS.entries()) {
      await explorer.getByLabel('Preset', { exact: true }).selectOption(String(index));
      expect(await explorer.getByLabel('Path', { exact: true }).inputValue()).toBe(
        fromPreset(preset, null).path,
      );
      await explorer.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => explorer.getAttribute('data-sent')).toBe(String(index + 1));
      expect(await status.textContent(), preset.label).toMatch(
        new RegExp(`^${preset.status} [A-Z][\\w -]+ · \\d+ ms$`),
      );
    }
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);

  test('the explorer fills the form from an operation of the description', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/rest/explorer/`);
    const explorer = page.getByRole('group', { name: 'API explorer' });
    await explorer.getByLabel(/^Operation/).selectOption('notesPatchNote');
    const field = (label: string) => explorer.getByLabel(label, { exact: true }).inputValue();
    expect(await field('Method')).toBe('PATCH');
    expect(await field('Path')).toBe('/api/notes/groceries');
    expect(await explorer.getByLabel(/^Headers/).inputValue()).toBe(
      'Content-Type: application/merge-patch+json',
    );
    expect(await field('Body')).toBe('{"body":"Three litres."}');
    expect(await explorer.locator('[data-part="takes"]').textContent()).toBe(
      'It also takes the fields If-Match, If-None-Match, If-Unmodified-Since.',
    );
    // A new reader has no note "groceries" to patch.
    await explorer.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => explorer.getByRole('status').textContent())
      .toMatch(/^404 Not Found · \d+ ms$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
  });

  test("the explorer sends what the form holds, with the reader's token kept for the tab", async () => {
    const { page, problems } = await openPage(browser, `${server.url}/rest/explorer/`);
    const explorer = page.getByRole('group', { name: 'API explorer' });
    const token = await explorer.locator('[data-part="token"]').textContent();
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    await explorer.getByLabel('Method', { exact: true }).selectOption('PUT');
    await explorer.getByLabel('Path', { exact: true }).fill('/api/notes/typed');
    await explorer.getByLabel('Accept', { exact: true }).fill('text/plain');
    await explorer.getByLabel(/^Headers/).fill('Content-Type: application/json');
    await explorer.getByLabel('Body', { exact: true }).fill('{"title":"Typed","body":"by hand"}');
    await explorer.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => explorer.getByRole('status').textContent())
      .toMatch(/^201 Created · \d+ ms$/);
    expect(await explorer.locator('[data-part="body"]').textContent()).toBe('Typed\n\nby hand\n');
    expect(await explorer.locator('[data-part="headers"]').textContent()).toMatch(
      /^content-type: text\/plain; charset=utf-8$/m,
    );

    // The token outlives a reload of the tab, and the note with it.
    await page.reload();
    expect(await explorer.locator('[data-part="token"]').textContent()).toBe(token);
    const notes = await fetch(`${server.url}/api/notes/typed`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(notes.status).toBe(200);

    await explorer.getByRole('button', { name: 'New token' }).click();
    expect(await explorer.locator('[data-part="token"]').textContent()).not.toBe(token);
    await explorer.getByLabel(/^Headers/).fill('no colon');
    await explorer.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => explorer.getByRole('status').textContent())
      .toBe('Not sent: Header line 1 needs the form "Name: value".');
    expect(unexpected(problems)).toEqual([]);
  });

  test('each problem type links to its row on the errors page', async () => {
    const { page } = await openPage(browser, `${server.url}/rest/errors/`);
    const response = await fetch(`${server.url}/api/notes`);
    const { type } = (await response.json()) as { type: string };
    const anchor = new URL(type, server.url).hash;
    expect(anchor).toBe('#missing-token');
    expect(await page.locator(`tr${anchor} td`).first().textContent()).toBe(
      '/rest/errors/#missing-token',
    );
  });
});
