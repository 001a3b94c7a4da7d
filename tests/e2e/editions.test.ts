// The two editions of the built site side by side: each Chinese page is
// its own translation, in Chinese, under the English page's section ids;
// search on a Chinese page finds Chinese pages; the language picker moves
// between a page's two editions.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { englishPages, pageId } from '../../src/i18n/editions.ts';
import { connectChromium, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { startTestServer } from '../support/playground.ts';

const site = fileURLToPath(new URL('../../dist/', import.meta.url));
const withChromium = needs(whyChromiumIsMissing());

/** The built HTML of a page id in an edition ('' for English). */
function built(id: string, prefix: '' | 'zh-cn/'): string {
  const path = id === 'index' ? prefix : `${prefix}${id}/`;
  return readFileSync(join(site, path, 'index.html'), 'utf8');
}

/** The ids of the headings in a page's content, in order. */
function contentHeadingIds(html: string): string[] {
  const content = html.split('<div class="sl-markdown-content">')[1] ?? '';
  return [...content.matchAll(/<h[1-6] id="([^"]+)"/g)].map(([, id]) => id ?? '');
}

/** A page's content as a reader sees it: no code, no markup. */
function proseOf(html: string): string {
  const content = html.split('<div class="sl-markdown-content">')[1] ?? '';
  return content
    .replace(/<(pre|code|script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ');
}

const ids = englishPages()
  .map(pageId)
  .filter((id) => id !== '404');

describe('each Chinese page, as built', () => {
  test.for(ids)('zh-cn/%s is in Chinese, under the English page’s section ids', (id) => {
    const zh = built(id, 'zh-cn/');
    expect(zh).toMatch(/<html[^>]* lang="zh-CN"/);
    // Starlight shows English content with a notice where a page is not
    // translated; a translated page has its own text.
    expect(zh).not.toMatch(/starlight-fallback|此内容尚不支持你的语言/);
    expect(contentHeadingIds(zh)).toEqual(contentHeadingIds(built(id, '')));
  });

  test.for(ids)('zh-cn/%s shows no Markdown marks its parser left unread', (id) => {
    // CommonMark does not close ** or * between a full-width bracket and a
    // Chinese character (the flanking rules), so the asterisks would show.
    const stray = proseOf(built(id, 'zh-cn/')).match(
      /.{0,12}(\*\*|\*(?=[\p{Script=Han}（）“”，。：；])|(?<=[\p{Script=Han}（）“”，。：；])\*).{0,12}/gu,
    );
    expect(stray ?? []).toEqual([]);
  });
});

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ siteDir: site });
});
afterAll(() => server?.close());

withChromium.describe('search and the language picker', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(() => browser?.close());

  async function search(path: string, query: string) {
    const { page } = await openPage(browser, `${server.url}${path}`);
    await page
      .getByRole('button', { name: path.startsWith('/zh-cn/') ? '搜索' : 'Search' })
      .click();
    await page.locator('site-search input').fill(query);
    const results = page.locator('site-search .pagefind-ui__result-link');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const found = await results.evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    await page.context().close();
    return found;
  }

  test('a search for 握手 on a Chinese page finds the Chinese handshake page, and only Chinese pages', async () => {
    const found = await search('/zh-cn/websocket/frames/', '握手');
    expect(found).toContain('/zh-cn/websocket/handshake/');
    expect(found.filter((path) => !path.startsWith('/zh-cn/'))).toEqual([]);
  });

  test('a search on an English page finds English pages only', async () => {
    const found = await search('/websocket/frames/', 'handshake');
    expect(found).toContain('/websocket/handshake/');
    expect(found.filter((path) => path.startsWith('/zh-cn/'))).toEqual([]);
  });

  test('the language picker moves to the same page in the other edition', async () => {
    const { page } = await openPage(browser, `${server.url}/websocket/frames/`);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await page.waitForURL(/\/zh-cn\/websocket\/frames\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
    await page.waitForURL((url) => url.pathname === '/websocket/frames/');
    expect(new URL(page.url()).pathname).toBe('/websocket/frames/');
    await page.context().close();
  });
});
