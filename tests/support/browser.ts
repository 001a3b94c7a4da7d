// Drives the system's Chromium with playwright-core (which never
// downloads a browser of its own) and watches a page for errors. The
// browser project starts one Chromium for all its files
// (tests/e2e/chromium-server.ts); each file connects to it and gets
// browser contexts of its own.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserServer,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser project's Chromium listens, for chromium.connect. */
    chromiumEndpoint: string;
  }
}

/** Where Chromium is: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function whyChromiumIsMissing() {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `no Chromium at ${CHROMIUM_PATH}; apt-get install chromium or set CHROMIUM_PATH`;
}

/** Starts headless Chromium with a fresh profile and no outside traffic. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The browser project's Chromium. Closing what this returns closes the
 * contexts it made and disconnects; the browser stays for other files.
 */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/** A cell's output as "direction text" rows, as the unit tests print them. */
export function cellLines(cell: Locator) {
  return cell
    .locator('.wb-line')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-direction')} ${item.querySelector('.wb-data')?.textContent}`,
      ),
    );
}

/** A page and the problems it reported: console errors, page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, problems, requests };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * What axe's default rules (WCAG A and AA, best practices) find; with
 * `coloursOnly`, only those of them that read colours (axe's category
 * "cat.color": contrast, links told from text by colour), for a page
 * whose colours are all that changed since it was checked whole.
 * With `within` (a selector), only what that element holds is checked.
 * resultTypes only spares axe describing every element that passed.
 */
export async function axeViolations(
  page: Page,
  { coloursOnly = false, within }: { coloursOnly?: boolean; within?: string | undefined } = {},
) {
  // A page checked in a second view already has axe.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(
    async ({ coloursOnly, within }) => {
      interface Axe {
        getRules(): { ruleId: string; tags: string[] }[];
        run(
          context: Document | string,
          options: object,
        ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      }
      const axe = (window as unknown as { axe: Axe }).axe;
      // Turning rules off, not naming the ones to run, keeps each colour
      // rule as axe ships it: on by default, or (AAA contrast) off.
      const rules = coloursOnly
        ? Object.fromEntries(
            axe
              .getRules()
              .filter((rule) => !rule.tags.includes('cat.color'))
              .map((rule) => [rule.ruleId, { enabled: false }]),
          )
        : {};
      const result = await axe.run(within ?? document, { rules, resultTypes: ['violations'] });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    },
    { coloursOnly, within },
  );
}

/** The theme Starlight shows: "light" or "dark". */
export function themeOf(page: Page) {
  return page.evaluate(() => document.documentElement.dataset['theme']);
}

/**
 * Everything but colours that axe's rules read: the body's markup and
 * text, and how and where each element is shown.
 */
export function layoutOf(page: Page) {
  return page.evaluate(() =>
    [
      document.body.outerHTML,
      ...[...document.querySelectorAll('*')].map((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return [style.display, style.visibility, style.opacity, box.x, box.y, box.width, box.height]
          .map(String)
          .join(' ');
      }),
    ].join('\n'),
  );
}

/** Switches a page to the dark theme in place, as a reader's system setting would. */
export async function showDarkTheme(page: Page) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
}

/**
 * What axe finds on a page opened in the light theme, and then in the
 * dark one: switched in place (Starlight follows prefers-color-scheme
 * while its theme is "auto"), so that what the test did to the page (a
 * cell run, an editor open) is checked in both themes without loading
 * and doing it twice. When nothing but colours changed (the same
 * elements, shown the same way, in the same places), only axe's colour
 * rules can find anything new, and only they run again; otherwise
 * every rule does.
 */
export async function axeInBothThemes(page: Page, { within }: { within?: string } = {}) {
  const theme = await themeOf(page);
  if (theme !== 'light') throw new Error(`the page is in the ${theme} theme, not the light one`);
  const light = await axeViolations(page, { within });
  const layout = await layoutOf(page);
  await showDarkTheme(page);
  const coloursOnly = (await layoutOf(page)) === layout;
  return { light, dark: await axeViolations(page, { coloursOnly, within }) };
}
