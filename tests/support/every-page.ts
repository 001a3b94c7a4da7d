// Every page of one edition of the built site (from its sitemap), in
// real Chromium; tests/e2e/every-page*.test.ts run it once an edition,
// so that the two editions' files share the browser project's workers.
// A page that is only read ships no more JavaScript than Starlight
// itself (the heaviest page without cells) plus the cell runtime's few
// kilobytes; the editor, the type stripper and the worker load only
// when a reader asks for them. Every page passes axe in both themes
// and on a 360 px phone, where wide tables wrap instead of scrolling.
// And what Lighthouse checks for is there: a description, robots.txt,
// and compressed text.

import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import {
  axeInBothThemes,
  axeViolations,
  connectChromium,
  openPage,
  whyChromiumIsMissing,
} from './browser.ts';
import { needs } from './needs.ts';
import { type ScriptsOfPage, scriptsOf } from './page-scripts.ts';
import { startTestServer } from './playground.ts';
import { sitePages, sitePaths } from './sitemap.ts';

const site = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * What the cell runtime may add to a page, in bytes of JavaScript as
 * served (before compression): <wb-cell> and <wb-run-all>, measured at
 * 7.5 KB (3.3 KB gzipped) with Vite's 1.7 KB helper for lazy imports,
 * which the build may bundle with it or share with Starlight's search;
 * the output log and the page runner wait for the first Run. Plus room
 * for Expressive Code's 2.5 KB script, which a reference page without
 * code frames does not load.
 */
const CELL_RUNTIME_BYTES = 12 * 1024;

/** Chunks that must wait for a reader: the editor, the stripper, the worker. */
const ON_DEMAND = /edit-session|link-modules|demo-worker|codemirror/;

/** The JavaScript a page's HTML loads. */
interface PageScripts extends ScriptsOfPage {
  url: string;
}

/** One edition of the site: English at the root, Chinese under /zh-cn/. */
export interface Edition {
  /** The path its pages start with. */
  prefix: '/' | '/zh-cn/';
  /** Its pages' `<html lang>`. */
  lang: 'en' | 'zh-CN';
}

/** The edition's page paths, from the built site's sitemap. */
export function editionPaths(edition: Edition): string[] {
  return sitePaths(site).filter((path) =>
    edition.prefix === '/' ? !path.startsWith('/zh-cn/') : path.startsWith(edition.prefix),
  );
}

/** The every-page suite, over one edition's pages. */
export function everyPage(edition: Edition): void {
  const withChromium = needs(whyChromiumIsMissing());
  const paths = editionPaths(edition);
  const inEdition = (url: string) => paths.includes(new URL(url).pathname);

  // One server for the whole file.
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ siteDir: site });
  });
  afterAll(() => server?.close());

  withChromium.describe('every page in Chromium', () => {
    let browser: Browser;
    let pages: PageScripts[];

    beforeAll(async () => {
      browser = await connectChromium();
      pages = [];
      for (const url of (await sitePages(server.url)).filter(inEdition))
        pages.push({ url, ...(await scriptsOf(url)) });
    });
    afterAll(() => browser?.close());

    test('a page with cells loads no more JavaScript than Starlight plus the cell runtime', () => {
      const reference = pages.filter((page) => !page.hasCells);
      const withCells = pages.filter((page) => page.hasCells);
      expect(reference.length, 'pages without cells, to measure Starlight by').toBeGreaterThan(0);
      expect(withCells.length, 'pages with cells').toBeGreaterThan(0);
      const starlight = Math.max(...reference.map((page) => page.bytes));
      for (const page of withCells) {
        expect(page.bytes, `${page.url} (Starlight: ${starlight} bytes)`).toBeLessThanOrEqual(
          starlight + CELL_RUNTIME_BYTES,
        );
      }
      console.log(
        pages
          .map(
            (page) =>
              `${new URL(page.url).pathname}: ${page.bytes} bytes of JavaScript, ${page.gzipBytes} gzipped`,
          )
          .join('\n'),
      );
    });

    test('no page names the editor, the type stripper or the worker among what it loads', () => {
      for (const page of pages) {
        expect(
          page.files.filter((file) => ON_DEMAND.test(file)),
          page.url,
        ).toEqual([]);
      }
    });

    // One test a page and width: axe over a whole page takes seconds, in
    // Chromium's renderer while this file waits, so a few pages are
    // checked at once to keep both cores of a small machine busy.
    // Colours differ by theme: at 1280 px the page is checked in the
    // light theme, then switched to dark in place (axeInBothThemes: only
    // the colour rules again when nothing else changed). What scrolls,
    // overflows or shows differs by width: the 360 px phone gets a fresh
    // load and every rule, because a page resized in place would be
    // checked while Expressive Code's script is still deciding which
    // blocks now scroll.
    describe.concurrent('1280 px wide, light theme then dark', () => {
      test.for(paths)(
        '%s fetches no on-demand script while untouched, and passes axe in both themes',
        async (path, { expect }) => {
          const { page, problems } = await openPage(browser, `${server.url}${path}`, {
            colorScheme: 'light',
            width: 1280,
          });
          await page.waitForLoadState('networkidle');
          const fetched = await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map((entry) => new URL(entry.name).pathname)
              .filter((path) => path.endsWith('.js')),
          );
          expect(
            fetched.filter((file) => ON_DEMAND.test(file)),
            'scripts fetched before a reader asks',
          ).toEqual([]);
          expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
          expect(problems).toEqual([]);
          await page.context().close();
        },
      );
    });

    describe.concurrent('360 px wide, light theme', () => {
      test.for(paths)('%s passes axe', async (path, { expect }) => {
        const { page, problems } = await openPage(browser, `${server.url}${path}`, {
          colorScheme: 'light',
          width: 360,
        });
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    });
  });

  describe('what every page needs for search engines and slow networks', () => {
    test('every page has a title, a language and a description of its own', async () => {
      const descriptions = new Set<string>();
      const pages = (await sitePages(server.url)).filter(inEdition);
      expect(pages.length).toBeGreaterThan(0);
      for (const url of pages) {
        const html = await (await fetch(url)).text();
        expect(html, url).toMatch(new RegExp(`<html[^>]* lang="${edition.lang}"`));
        expect(html, url).toMatch(/<title>[^<]+<\/title>/);
        const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1];
        expect(description, url).toBeTruthy();
        descriptions.add(description!);
      }
      expect(descriptions.size, 'each page describes itself').toBe(pages.length);
    });

    test('robots.txt allows crawling and names the sitemap', async () => {
      const response = await fetch(`${server.url}/robots.txt`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
      expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    });

    test('pages, styles and scripts are served compressed from the precompressed files', async () => {
      const [page] = (await sitePages(server.url)).filter(inEdition);
      const html = await (await fetch(page!)).text();
      const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
      const style = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
      for (const path of [new URL(page!).pathname, script, style]) {
        expect(path).toBeTruthy();
        for (const encoding of ['br', 'gzip']) {
          const response = await fetch(new URL(path!, server.url), {
            headers: { 'accept-encoding': encoding },
          });
          expect(response.headers.get('content-encoding'), `${path} as ${encoding}`).toBe(encoding);
          expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
        }
      }
    });
  });
}
