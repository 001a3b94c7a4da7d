// The build-time diagrams, in real Chromium: on their pages in both
// themes, at a desktop and a phone width, each is an image with a name
// and a description, every piece of its text lies inside its viewBox,
// its text is drawn no smaller than 9 px (the figure scrolls instead),
// the page passes axe, and the diagrams bring no script with them; in
// English and in Chinese.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import {
  axeViolations,
  openPage,
  showDarkTheme,
  whyChromiumIsMissing,
} from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

/** Each diagram, the page it explains, and words its name must hold. */
const DIAGRAMS = [
  { id: 'frame-layout', path: '/websocket/frames/', name: /bit layout/ },
  { id: 'handshake-sequence', path: '/websocket/handshake/', name: /TCP connect to close/ },
  { id: 'polling-timeline', path: '/websocket/why/', name: /same server events/ },
  { id: 'rpc-round-trip', path: '/rpc/transports/', name: /JSON-RPC call/ },
  { id: 'tcp-lifecycle', path: '/sockets/tcp/', name: /from SYN to close/ },
  // The same drawings in Chinese (src/content/i18n/zh-CN.json), whose
  // labels must fit too.
  { id: 'frame-layout', path: '/zh-cn/websocket/frames/', name: /^WebSocket 帧的位布局/ },
  { id: 'handshake-sequence', path: '/zh-cn/websocket/handshake/', name: /从 TCP 建连到关闭/ },
  { id: 'polling-timeline', path: '/zh-cn/websocket/why/', name: /四种方式/ },
  { id: 'rpc-round-trip', path: '/zh-cn/rpc/transports/', name: /JSON-RPC 调用的往返/ },
  { id: 'tcp-lifecycle', path: '/zh-cn/sockets/tcp/', name: /从 SYN 到关闭/ },
];
const WIDTHS = [1280, 360] as const;

/** What a diagram's SVG says about itself, measured in the page. */
function measure(page: Page, id: string) {
  return page.evaluate((id) => {
    const title = document.getElementById(`${id}-title`);
    const svg = title?.closest('svg');
    if (!svg) return null;
    const box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / box.width;
    const outside: string[] = [];
    let smallestText = Infinity;
    for (const text of svg.querySelectorAll('text')) {
      const b = text.getBBox();
      if (
        b.x < box.x - 0.5 ||
        b.y < box.y - 0.5 ||
        b.x + b.width > box.x + box.width + 0.5 ||
        b.y + b.height > box.y + box.height + 0.5
      ) {
        outside.push(text.textContent ?? '');
      }
      const size = parseFloat(getComputedStyle(text).fontSize);
      smallestText = Math.min(smallestText, size * scale);
    }
    const labelled = (attribute: string) =>
      (svg.getAttribute(attribute) ?? '')
        .split(' ')
        .map((ref) => document.getElementById(ref)?.textContent?.trim() ?? '')
        .join(' ');
    const scroller = svg.parentElement!;
    return {
      role: svg.getAttribute('role'),
      name: labelled('aria-labelledby'),
      description: svg.getAttribute('aria-describedby')
        ? labelled('aria-describedby')
        : (svg.querySelector('desc')?.textContent?.trim() ?? ''),
      texts: svg.querySelectorAll('text').length,
      outside,
      smallestText,
      // Wider than the column: then it must scroll, not spill.
      spills:
        svg.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
        getComputedStyle(scroller).overflowX !== 'auto',
      scripts: svg.closest('figure')?.querySelectorAll('script').length ?? 0,
    };
  }, id);
}

withChromium.describe('diagrams in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  // Each diagram's page loads and is checked on its own, a few at once
  // (axe runs in Chromium's renderer, so both cores stay busy): in the
  // light theme, then switched to dark in place.
  describe.concurrent.each(WIDTHS)('%i px wide', (width) => {
    test.for(DIAGRAMS)('$id on $path', async ({ id, path, name }, { expect }) => {
      const { page, problems, requests } = await openPage(browser, `${server.url}${path}`, {
        colorScheme: 'light',
        width,
      });
      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') await showDarkTheme(page);
        const found = await measure(page, id);
        expect(found, `no diagram ${id} on ${path}`).not.toBeNull();
        expect(found!.role, theme).toBe('img');
        expect(found!.name, theme).toMatch(name);
        expect(found!.description.length, theme).toBeGreaterThan(80);
        expect(found!.texts, theme).toBeGreaterThan(5);
        expect(found!.outside, theme).toEqual([]);
        expect(found!.smallestText, theme).toBeGreaterThanOrEqual(8.5);
        expect(found!.spills, theme).toBe(false);
        expect(found!.scripts, theme).toBe(0);
        // every-page checks these whole pages in the other three views;
        // in this one only this file does. Elsewhere the diagram is enough.
        const wholePage = theme === 'dark' && width === 360;
        const within = wholePage ? undefined : `figure:has([id="${id}-title"])`;
        expect(await axeViolations(page, { within }), theme).toEqual([]);
      }
      if (width === 1280) {
        // Astro names a component's script chunk after the component; a
        // diagram drawn at build time has none to load.
        await page.waitForLoadState('networkidle');
        const scripts = requests.filter((url) => /\.m?js(\?|$)/.test(url));
        expect(scripts.length).toBeGreaterThan(0);
        expect(
          scripts.filter((url) =>
            /diagram|FrameLayout|Sequence|Timeline|RoundTrip|Lifecycle/i.test(url),
          ),
          'scripts of the diagrams',
        ).toEqual([]);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  });
});
