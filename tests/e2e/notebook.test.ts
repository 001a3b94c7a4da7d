// The notebook in real Chromium: a reader edits a cell and runs it in a
// worker, stops an endless loop, uses the keyboard, runs every cell on
// a page, copies output and follows a link to a cell.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import {
  axeInBothThemes,
  axeViolations,
  cellLines,
  openPage,
  whyChromiumIsMissing,
} from '../support/browser.ts';
import { buildSiteWith, type FixtureSite } from '../support/fixture-site.ts';
import { needs } from '../support/needs.ts';
import { startTestServer } from '../support/playground.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const ECHO_PAGE = '/websocket/echo-server/';
const withChromium = needs(whyChromiumIsMissing());

const statusOf = (cell: Locator) => cell.getByRole('status').textContent();

/** Waits for what a page does; generous, as browsers share a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** Opens the echo page's cell in its editor. */
async function editEchoCell(page: Page) {
  const cell = page.getByRole('group', { name: 'Demo: echo client' });
  await cell.getByRole('button', { name: 'Edit' }).click();
  const editor = cell.getByRole('textbox', { name: /^Code of echo client/ });
  await poll(() => editor.isVisible()).toBe(true);
  return { cell, editor };
}

/** Replaces the code of the editor's line that has `has` with `code`. */
async function replaceLine(page: Page, editor: Locator, has: string, code: string) {
  await editor.locator('.cm-line', { hasText: has }).click();
  // Home stops after the indentation, which stays as it is.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText(code);
}

/** Puts `text` on a new line after the line of the editor that has `after`. */
async function insertAfter(page: Page, editor: Locator, after: string, text: string) {
  await editor.locator('.cm-line', { hasText: after }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
}

withChromium.describe('the notebook in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  test('a reader edits the message, runs it in a worker and sees the new text echoed', async () => {
    const { page, problems, requests } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const editorCode = () => requests.filter((url) => /edit-session|link-modules/.test(url));
    expect(editorCode()).toEqual([]);

    const { cell, editor } = await editEchoCell(page);
    // The editor starts from the code the page showed, now hidden.
    expect(await editor.textContent()).toContain("const messages = ['hello, wire', bytes];");
    expect(await cell.locator('[data-part="code"]').isHidden()).toBe(true);
    expect(requests.filter((url) => url.includes('link-modules'))).toEqual([]);

    await replaceLine(page, editor, 'hello, wire', "const messages = ['howdy, wire', bytes];");
    const lines = await editor.locator('.cm-line').count();
    // Shift+Enter in the editor runs the cell instead of breaking the line.
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toMatch(/^done in \d+ ms$/);
    const output = await cellLines(cell);
    expect(output).toContain('sent howdy, wire');
    expect(output).toContain('received howdy, wire');
    expect(output).toContain('received 4 bytes: ca fe ba be');
    expect(await editor.locator('.cm-line').count()).toBe(lines);
    // The type stripper came with the first edited run; the worker ran it.
    expect(requests.filter((url) => url.includes('link-modules'))).toHaveLength(1);
    expect(requests.filter((url) => url.includes('demo-worker'))).toHaveLength(1);

    // Reset brings back the tested original.
    await cell.getByRole('button', { name: 'Reset' }).click();
    expect(await editor.count()).toBe(0);
    expect(await cell.locator('[data-part="code"]').isVisible()).toBe(true);
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await cell.getByRole('button', { name: 'Run' }).click();
    await poll(() => statusOf(cell)).toMatch(/^done/);
    expect(await cellLines(cell)).toContain('received hello, wire');
    expect(problems).toEqual([]);
  });

  test("a Run pressed before the cell's script has started runs once it has", async () => {
    // A slow phone: the page is shown, but the script that defines
    // <wb-cell> is held back until the reader has pressed Run.
    const context = await browser.newContext();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/_astro\/wb-cell\.[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${ECHO_PAGE}`, { waitUntil: 'commit' });
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    await cell.getByRole('button', { name: 'Run' }).click();
    expect(await page.evaluate(() => customElements.get('wb-cell') === undefined)).toBe(true);
    expect(await statusOf(cell)).toBe('starting…');

    release();
    await poll(() => statusOf(cell)).toMatch(/^done in \d+ ms$/);
    expect(await cellLines(cell)).toContain('received hello, wire');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an endless loop is stopped by Stop and the page stays responsive', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell, editor } = await editEchoCell(page);
    await insertAfter(page, editor, 'export async function run', 'while (true) {}');
    await cell.getByRole('button', { name: 'Run' }).click();
    await poll(() => statusOf(cell)).toBe('running');
    // The loop spins in the worker; the page still answers and paints.
    expect(
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => done('painted'))),
      ),
    ).toBe('painted');
    await cell.getByRole('button', { name: 'Stop' }).click();
    await poll(() => statusOf(cell)).toMatch(/^stopped in \d+ ms$/);
    expect(await cellLines(cell)).toEqual([
      'error stopped: by the reader; the code never let its worker listen, so the worker was terminated',
    ]);
    expect(await cell.getByRole('button', { name: 'Run' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a syntax error is shown at its line, and the editor marks it', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell, editor } = await editEchoCell(page);
    await insertAfter(page, editor, 'export async function run', 'const = 1;');
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toBe('error');
    expect(await cellLines(cell)).toEqual([
      'error the edited code cannot run: Unexpected token (line 3, column 9)',
    ]);
    await poll(() => editor.locator('.cm-lintRange-error').count()).toBe(1);
    expect(await cell.locator('.cm-lint-marker-error').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('an error the edited code throws names its line', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell, editor } = await editEchoCell(page);
    await insertAfter(
      page,
      editor,
      'export async function run',
      "throw new TypeError('no wire today');",
    );
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toBe('error');
    expect(await cellLines(cell)).toEqual(['error no wire today (line 3)']);
    expect(problems).toEqual([]);
  });

  test('edited code imports other example files and shows views, as the original can', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell, editor } = await editEchoCell(page);
    await insertAfter(
      page,
      editor,
      'export async function run',
      [
        "const { formatData } = await import('../demo-io.ts');",
        'io.log(formatData(new Uint8Array([1, 2])));',
        "io.show('table', [{ port: 8080, open: true }]);",
      ].join(' '),
    );
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toMatch(/^done/);
    expect((await cellLines(cell)).slice(0, 1)).toEqual(['info 2 bytes: 01 02']);
    const table = cell.locator('.wb-view[data-view="table"] table');
    await poll(() => table.locator('th').allTextContents()).toEqual(['port', 'open']);
    expect(await table.locator('td').allTextContents()).toEqual(['8080', 'true']);
    expect(problems).toEqual([]);
  });

  test('a long output keeps the last lines, scrolls inside the cell and says what it dropped', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell, editor } = await editEchoCell(page);
    await insertAfter(
      page,
      editor,
      'export async function run',
      "for (let i = 0; i < 600; i++) io.log('line', i);",
    );
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toMatch(/^done/);
    // 600 lines and the echo's 6: the first 106 are gone.
    const lines = await cellLines(cell);
    expect(lines).toHaveLength(500);
    expect(lines[0]).toBe('info line 106');
    expect(await cell.locator('.wb-dropped').textContent()).toBe(
      '106 earlier lines were dropped; the log keeps the last 500.',
    );
    const log = cell.getByRole('log');
    expect(await log.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('Shift+Enter runs the focused cell, Escape stops it', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    // Hold the health check so the run stays in "connecting".
    await page.route('**/healthz', () => {});
    // Shift+Enter on the Edit button runs the cell instead of pressing it.
    await cell.getByRole('button', { name: 'Edit' }).focus();
    await page.keyboard.press('Shift+Enter');
    await poll(() => statusOf(cell)).toBe('connecting');
    expect(await cell.locator('[data-part="editor"]').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => statusOf(cell)).toMatch(/^stopped/);
    expect(await cellLines(cell)).toEqual(['error stopped: by the reader']);
    expect(problems).toEqual([]);
  });

  test('Copy output copies the lines as text', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const cell = page.getByRole('group', { name: 'Demo: echo client' });
    const copy = cell.getByRole('button', { name: 'Copy output' });
    expect(await copy.isDisabled()).toBe(true);
    await cell.getByRole('button', { name: 'Run' }).click();
    await poll(() => statusOf(cell)).toMatch(/^done/);
    await copy.click();
    await poll(() => cell.locator('[data-part="note"]').textContent()).toBe('Copied 6 lines');
    const ws = `${server.url.replace('http', 'ws')}/ws/echo`;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      [
        `info connected to ${ws}`,
        'sent hello, wire',
        'sent 4 bytes: ca fe ba be',
        'received hello, wire',
        'received 4 bytes: ca fe ba be',
        'info closed with code 1000',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
  });

  test('a cell in edit mode, run, passes axe in both themes', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${ECHO_PAGE}`);
    const { cell } = await editEchoCell(page);
    await cell.getByRole('button', { name: 'Run' }).click();
    await poll(() => statusOf(cell)).toMatch(/^done/);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });

  describe('a page with the same demo twice', () => {
    let fixture: FixtureSite;
    let twice: RunningServer;

    beforeAll(async () => {
      fixture = buildSiteWith({
        'twice.mdx': [
          '---',
          'title: Two cells',
          'description: The echo client twice, for the notebook tests.',
          '---',
          "import Cell from '../src/components/Cell.astro';",
          '',
          '<Cell demo="websocket/echo-client" title="first echo" />',
          '',
          'Some prose between the cells, long enough to scroll.',
          '',
          ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of filler.\n`),
          '<Cell demo="websocket/echo-client" title="second echo" />',
          '',
        ].join('\n'),
      });
      if (fixture.status !== 0)
        throw new Error(`the fixture site did not build:\n${fixture.output}`);
      twice = await startTestServer({ siteDir: fixture.dist });
    });
    afterAll(async () => {
      await twice?.close();
      fixture?.remove();
    });

    test('each cell has its own anchor and a link to it, and a link scrolls to the cell', async () => {
      const { page, problems } = await openPage(browser, `${twice.url}/twice/`);
      expect(
        await page.locator('wb-cell').evaluateAll((cells) => cells.map((cell) => cell.id)),
      ).toEqual(['cell-websocket-echo-client', 'cell-websocket-echo-client-2']);
      const second = page.getByRole('group', { name: 'Demo: second echo' });
      const link = second.getByRole('link', { name: 'Link to the cell “second echo”' });
      expect(await link.getAttribute('href')).toBe('#cell-websocket-echo-client-2');

      const linked = await openPage(browser, `${twice.url}/twice/#cell-websocket-echo-client-2`);
      const target = linked.page.getByRole('group', { name: 'Demo: second echo' });
      await poll(() =>
        target.evaluate((cell) => {
          const { top } = cell.getBoundingClientRect();
          return top >= 0 && top < innerHeight / 2;
        }),
      ).toBe(true);
      expect(problems).toEqual([]);
      expect(linked.problems).toEqual([]);
    });

    test('Run all runs every cell in order and reports which failed and why', async () => {
      const { page, problems } = await openPage(browser, `${twice.url}/twice/`);
      const second = page.getByRole('group', { name: 'Demo: second echo' });
      // The second cell gets code that cannot run.
      await second.getByRole('button', { name: 'Edit' }).click();
      const editor = second.getByRole('textbox', { name: /^Code of second echo/ });
      await poll(() => editor.isVisible()).toBe(true);
      await insertAfter(page, editor, 'export async function run', 'const = 1;');

      const runAll = page.getByRole('region', { name: 'Run all cells' });
      await runAll.getByRole('button', { name: 'Run all cells' }).click();
      await poll(() => runAll.getByRole('status').textContent()).toBe(
        '1 of 2 cells succeeded; 1 failed.',
      );
      expect(await runAll.getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^first echo: done in \d+ ms$/),
        'second echo: error: the edited code cannot run: Unexpected token (line 3, column 9)',
      ]);
      expect(await runAll.getByRole('link', { name: 'second echo' }).getAttribute('href')).toBe(
        '#cell-websocket-echo-client-2',
      );
      expect(
        await page
          .getByRole('group', { name: 'Demo: first echo' })
          .getByRole('status')
          .textContent(),
      ).toMatch(/^done/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    test('Stop in Run all stops the running cell and leaves the rest unrun', async () => {
      const { page, problems } = await openPage(browser, `${twice.url}/twice/`);
      await page.route('**/healthz', () => {});
      const runAll = page.getByRole('region', { name: 'Run all cells' });
      await runAll.getByRole('button', { name: 'Run all cells' }).click();
      await poll(() => runAll.getByRole('status').textContent()).toBe(
        'Running cell 1 of 2: first echo…',
      );
      await runAll.getByRole('button', { name: 'Stop' }).click();
      await poll(() => runAll.getByRole('status').textContent()).toBe(
        '0 of 2 cells succeeded; 1 stopped; 1 not run.',
      );
      expect(await runAll.getByRole('listitem').allTextContents()).toEqual([
        'first echo: stopped: by the reader',
      ]);
      expect(problems).toEqual([]);
    });
  });
});
