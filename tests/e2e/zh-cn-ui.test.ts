// The components speak the page's language. Starlight builds a page
// under /zh-cn/ for every English page not yet translated, rendered in
// the zh-cn locale; so every page with cells has a Chinese twin, and
// its cells, Run all bar and diagrams must say everything in Chinese
// (src/content/i18n/zh-CN.json), while the English page keeps English.
// First over the built HTML of every such page (and the explorer, the
// RPC console, the IP inspector and gob bytes on theirs), then in
// Chromium: Run and Stop on a Chinese page show Chinese statuses and
// errors.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import en from '../../src/content/i18n/en.json';
import zhCN from '../../src/content/i18n/zh-CN.json';
import { stringsUnder } from '../../src/i18n/ui-strings.ts';
import { cellLines, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite, SITE_DIR } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** Every built page under `dir`, as [its path, its HTML]. */
function pagesUnder(dir: string): [string, string][] {
  return readdirSync(join(SITE_DIR, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => [
      `/${join(dir, file).replace(/index\.html$/, '')}`,
      readFileSync(join(SITE_DIR, dir, file), 'utf8'),
    ]);
}

/** The JSON a page holds in <script id="wb-cell-strings">. */
function cellStringsOf(html: string): unknown {
  const json = /<script type="application\/json" id="wb-cell-strings">(.*?)<\/script>/s.exec(html);
  return json ? JSON.parse(json[1] ?? '') : undefined;
}

/** The attribute value of `name` on the first <`tag`> of `html`, unescaped. */
function attributeOf(html: string, tag: string, name: string) {
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(html)?.[0] ?? '';
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value?.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

describe('the built Chinese pages', () => {
  const chinese = pagesUnder('zh-cn').filter(([, html]) => html.includes('<wb-cell '));
  const english = pagesUnder('')
    .filter(([path]) => !path.startsWith('/zh-cn/'))
    .filter(([, html]) => html.includes('<wb-cell '));

  test('every English page with cells has a Chinese twin, in the zh-CN locale', () => {
    expect(english.length).toBeGreaterThan(10);
    expect(chinese.map(([path]) => path).sort()).toEqual(
      english.map(([path]) => `/zh-cn${path}`).sort(),
    );
    for (const [path, html] of chinese) expect(html, path).toMatch(/<html lang="zh-CN"/);
  });

  test.each(chinese)('%s: cells and Run all are in Chinese', (path, html) => {
    expect(cellStringsOf(html), path).toEqual(stringsUnder(zhCN, 'cell'));
    expect(JSON.parse(attributeOf(html, 'wb-run-all', 'data-strings') ?? '')).toEqual(
      stringsUnder(zhCN, 'runAll'),
    );
    expect(attributeOf(html, 'wb-run-all', 'aria-label')).toBe('全部运行');
    expect(html).toContain('>全部运行</button>');
    expect(html).toContain('>按顺序运行本页的每个代码单元。</span>');
    expect(attributeOf(html, 'wb-cell', 'aria-label')).toMatch(/^示例：/);
    for (const word of ['运行', '停止', '空闲', '复制输出']) expect(html).toContain(`>${word}</`);
    expect(html).toContain('title="链接到此代码单元"');
    // Not one English word of the components is left in their markup
    // (the code above each bar may say "Run" as it likes).
    const bars = [...html.matchAll(/<div class="wb-bar[^"]*">(.*?)<p class="wb-dropped/gs)];
    const runAll = /<wb-run-all\b.*?<\/wb-run-all>/s.exec(html)?.[0] ?? '';
    expect(bars.length).toBeGreaterThan(0);
    for (const markup of [runAll, ...bars.map((bar) => bar[1] ?? '')]) {
      // The cell's own title (“…”) is the page's, not the component's.
      const words = markup
        .replace(/“[^”]*”/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      expect(words, path).not.toMatch(/\b(Run|Stop|Edit|Reset|idle|Copy|Link|cells?)\b/);
      expect(markup, path).not.toMatch(/(title|aria-label)="[^"]*\b(Run|Link|Output)\b/);
    }
  });

  test.each(english)('%s: cells and Run all stay in English', (path, html) => {
    expect(cellStringsOf(html), path).toEqual(stringsUnder(en, 'cell'));
    expect(attributeOf(html, 'wb-run-all', 'aria-label')).toBe('Run all cells');
    expect(html).toContain('>Run</button>');
  });

  test('the diagrams on the Chinese pages are labelled in Chinese', () => {
    const diagrams: Record<string, { path: string; figure: string }> = Object.fromEntries(
      pagesUnder('zh-cn').flatMap(([path, html]) =>
        [
          ...html.matchAll(
            /<figure class="wb-diagram[^"]*" data-diagram="([^"]+)">(.*?)<\/figure>/gs,
          ),
        ].map((match) => [match[1], { path, figure: match[2] ?? '' }]),
      ),
    );
    expect(Object.keys(diagrams).sort()).toEqual([
      'frame-layout',
      'handshake-sequence',
      'polling-timeline',
      'rpc-round-trip',
      'tcp-lifecycle',
    ]);
    const zh = zhCN as Record<string, string>;
    const english = en as Record<string, string>;
    for (const [id, { figure }] of Object.entries(diagrams)) {
      for (const side of ['client', 'server'] as const) {
        if (id !== 'frame-layout')
          expect(figure, id).toContain(`>${zh[`wirebook.diagram.${side}`]}</text>`);
      }
      // The title, the description and every label: none English.
      const texts = [...figure.matchAll(/<(title|desc|text|figcaption)\b[^>]*>(.*?)<\/\1>/gs)].map(
        (match) => (match[2] ?? '').replace(/<[^>]+>/g, '').trim(),
      );
      const englishOnly = Object.entries(english)
        .filter(([key, text]) => key.startsWith('wirebook.diagram.') && text !== zh[key])
        .map(([, text]) => text.replace(/\{\w+\}.*$/s, ''))
        .filter((text) => text.length > 3);
      // A long English string may go on with numbers filled in.
      const leftInEnglish = texts.filter((text) =>
        englishOnly.some((word) => text === word || (word.length > 12 && text.startsWith(word))),
      );
      expect(leftInEnglish, id).toEqual([]);
      expect(texts.filter((text) => /\p{Script=Han}/u.test(text)).length, id).toBeGreaterThan(3);
    }
  });
});

/** The words of `markup` an English reader would read, code and options left out. */
function proseOf(markup: string) {
  return markup
    .replace(/<(code|pre|select|datalist|script)\b.*?<\/\1>/gs, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names a Chinese sentence writes as they are (protocols, headers, formats). */
const NAMES = new Set([
  'API',
  'JSON',
  'HTTP',
  'WebSocket',
  'ETag',
  'Accept',
  'Ctrl',
  'Enter',
  'RPC',
]);

describe('the other components on Chinese pages', () => {
  const pages = pagesUnder('zh-cn');
  const components = [
    {
      name: 'API explorer',
      element: /<wb-api-explorer\b.*?<\/wb-api-explorer>/s,
      part: 'apiExplorer',
    },
    { name: 'RPC console', element: /<wb-rpc-console\b.*?<\/wb-rpc-console>/s, part: 'rpcConsole' },
    {
      name: 'IP inspector',
      element: /<wb-ip-inspector\b.*?<\/wb-ip-inspector>/s,
      part: 'ipInspector',
    },
    { name: 'gob bytes', element: /<figure class="wb-gob[^"]*">.*?<\/figure>/s, part: 'gobBytes' },
  ] as const;

  test.each(components)('the $name says nothing in English', ({ element }) => {
    const found = pages.flatMap(([path, html]) => {
      const markup = element.exec(html)?.[0];
      return markup ? [{ path, markup }] : [];
    });
    expect(found.length).toBeGreaterThan(0);
    for (const { path, markup } of found) {
      // A gob table's meanings are the reader's (examples/rpc/gob-reader.ts) output.
      const prose = proseOf(markup.replace(/<td\b.*?<\/td>/gs, ' ').replace(/\{.*?\}/g, ' '));
      // A gob type definition names its Go type: 定义类型 65，Args.
      const english = (
        prose.replace(/(定义类型 \d+，)\w+/g, '$1').match(/[A-Za-z]{3,}/g) ?? []
      ).filter((word) => !NAMES.has(word));
      expect(english, `${path}: ${prose}`).toEqual([]);
      expect(prose, path).toMatch(/\p{Script=Han}/u);
      const labels = [...markup.matchAll(/(?:aria-label|placeholder|title)="([^"]*)"/g)];
      for (const [, label] of labels) expect(label, path).toMatch(/\p{Script=Han}|^\*\/\*/u);
    }
  });

  test('the scripts of the console and the inspector get Chinese strings', () => {
    const html = pages.map(([, page]) => page).join('\n');
    expect(JSON.parse(attributeOf(html, 'wb-rpc-console', 'data-strings') ?? '')).toEqual(
      stringsUnder(zhCN, 'rpcConsole'),
    );
    const inspector = JSON.parse(attributeOf(html, 'wb-ip-inspector', 'data-strings') ?? '');
    const { notIp, ipv4, ipv6 } = stringsUnder(zhCN, 'ipInspector');
    expect(inspector).toEqual({ notIp, ipv4, ipv6 });
    const explorer = JSON.parse(attributeOf(html, 'wb-api-explorer', 'data-strings') ?? '');
    expect(explorer.sending).toBe(stringsUnder(zhCN, 'apiExplorer').sending);
  });
});

withChromium.describe('a Chinese page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const PAGE = '/zh-cn/websocket/echo-server/';
  // Found by its demo: a translated page gives the cell a Chinese title.
  const ECHO_CELL = 'wb-cell[data-demo="websocket/echo-client"]';
  const statusOf = (cell: Locator) => cell.getByRole('status').textContent();

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  test('Run shows Chinese statuses, and Run all a Chinese summary', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${PAGE}`);
    const cell = page.locator(ECHO_CELL);
    expect(await cell.getAttribute('aria-label')).toMatch(/^示例：/);
    expect(await statusOf(cell)).toBe('空闲');
    await cell.getByRole('button', { name: '运行', exact: true }).click();
    await poll(() => statusOf(cell)).toMatch(/^完成，用时 \d+ ms$/);
    expect(await cellLines(cell)).toContain('received hello, wire');
    // What a screen reader hears before each line.
    const spoken = await cell.locator('.wb-line .sr-only').allTextContents();
    expect(new Set(spoken)).toEqual(new Set(['发送: ', '接收: ', '信息: ']));
    await cell.getByRole('button', { name: '复制输出' }).click();
    await poll(() => cell.locator('[data-part="note"]').textContent()).toMatch(
      /^(已复制 \d+ 行|复制失败：.+)$/,
    );

    const runAll = page.getByRole('region', { name: '全部运行' });
    await runAll.getByRole('button', { name: '全部运行' }).click();
    await poll(() => runAll.getByRole('status').textContent()).toBe('1 个代码单元中 1 个成功。');
    expect(await runAll.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^.+：完成，用时 \d+ ms$/),
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('an edited endless loop shows 运行中…, and Stop a Chinese reason', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${PAGE}`);
    const cell = page.locator(ECHO_CELL);
    expect(await cell.getAttribute('aria-label')).toMatch(/^示例：/);
    await cell.getByRole('button', { name: '编辑' }).click();
    const editor = cell.getByRole('textbox', { name: /^.+ 的代码，可编辑；按 Shift\+Enter 运行$/ });
    await poll(() => editor.isVisible()).toBe(true);
    await editor.locator('.cm-line', { hasText: 'export async function run' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('while (true) {}');
    await cell.getByRole('button', { name: '运行', exact: true }).click();
    await poll(() => statusOf(cell)).toBe('运行中…');
    await cell.getByRole('button', { name: '停止' }).click();
    await poll(() => statusOf(cell)).toMatch(/^已停止，用时 \d+ ms$/);
    expect(await cellLines(cell)).toEqual([
      'error stopped: 由读者停止；代码一直没有让出 Worker 的事件循环，所以 Worker 被终止',
    ]);
    await cell.getByRole('button', { name: '重置' }).click();
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('编辑');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
