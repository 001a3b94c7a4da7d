// The CORS page in Chromium: its cell calls the playground under its
// other loopback name, and the browser, not the demo, decides what is
// sent and read. The server's own log of requests shows the preflights
// the page never sees, and that a refused request never left it.
//
// Chromium resolves "localhost" by itself, whatever /etc/hosts says,
// and tries ::1 first: measured with Chromium 156, a server on
// [::1]:PORT beside one on 127.0.0.1:PORT got the page's fetch of
// localhost:PORT; with nothing on ::1 it fell back to 127.0.0.1 within
// milliseconds. The test playground listens on 127.0.0.1 only, so every
// request the page makes to localhost arrives there (the test checks
// each one's local address), with no resolver rules needed. The first
// half is why the playground refuses a page of localhost (cors.ts).

import type { IncomingMessage } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

withChromium.describe('the CORS page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  /** Every request the server got: method, target, some fields. */
  const seen: Record<string, string | undefined>[] = [];
  const log = (req: IncomingMessage) =>
    seen.push({
      method: req.method,
      url: req.url,
      host: req.headers.host,
      origin: req.headers.origin,
      asks: req.headers['access-control-request-method'],
      local: req.socket.localAddress,
    });

  beforeAll(async () => {
    ({ server, browser } = await openSite());
    server.server.on('request', log);
  });
  afterAll(() => closeSite({ browser, server }));

  async function runCell(url: string) {
    const { page, problems } = await openPage(browser, url);
    const cell = page.getByRole('group', { name: 'Demo: CORS' });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => cell.getByRole('status').textContent(), { timeout: 40_000 })
      .toMatch(/^done in \d+ ms$/);
    const lines = await cell.locator('.wb-line .wb-data').allTextContents();
    return { page, problems, lines };
  }

  test('from 127.0.0.1, localhost lets it send and read what the notes API exposes, and no more', async () => {
    const { port } = new URL(server.url);
    const here = `http://127.0.0.1:${port}`;
    seen.length = 0;
    const { page, problems, lines } = await runCell(`${here}/rest/cors/`);
    expect(lines).toEqual([
      `this page: ${here}; calling http://localhost:${port}`,
      'GET /healthz: 200',
      'POST /api/notes (preflighted): 201',
      'location: notes/1',
      'content-type: application/json',
      expect.stringMatching(/^etag: "[\w-]{16}"$/),
      // It came over the wire, but is neither safelisted nor exposed.
      'x-content-type-options: null',
      'PUT with If-Match (preflighted): 200',
      'GET with X-Trace: TypeError: Failed to fetch',
      'GET with credentials: TypeError: Failed to fetch',
      'GET / (a page of the site): TypeError: Failed to fetch',
    ]);
    const toLocalhost = seen.filter((r) => r.host === `localhost:${port}`);
    expect(new Set(toLocalhost.map((r) => r.local))).toEqual(new Set(['127.0.0.1']));
    expect(new Set(toLocalhost.map((r) => r.origin))).toEqual(new Set([here]));
    const preflights = toLocalhost.filter((r) => r.method === 'OPTIONS').map((r) => r.asks);
    // The POST, the GET of the note (it carries Authorization), the PUT,
    // the GET with X-Trace and the one with credentials, each a kind of
    // request of its own; the simple GETs of /healthz and / had none.
    expect(preflights.sort()).toEqual(['GET', 'GET', 'GET', 'POST', 'PUT']);
    const sent = toLocalhost
      .filter((r) => r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url}`);
    // The X-Trace request was never sent; the one with credentials
    // failed at its preflight; the page of the site was sent, its
    // answer kept from the page.
    expect(sent).toEqual([
      'GET /healthz',
      'POST /api/notes',
      'GET /api/notes/1',
      'PUT /api/notes/1',
      'GET /',
    ]);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    // Chromium logs each refusal in the console, with why.
    expect(
      problems.filter((p) => !/blocked by CORS policy|Failed to load resource/.test(p)),
    ).toEqual([]);
  });

  test('from localhost, a page 127.0.0.1 cannot vouch for, everything is refused', async () => {
    const { port } = new URL(server.url);
    const { lines } = await runCell(`http://localhost:${port}/rest/cors/`);
    expect(lines.slice(0, 3)).toEqual([
      `this page: http://localhost:${port}; calling http://127.0.0.1:${port}`,
      'GET /healthz: TypeError: Failed to fetch',
      'POST /api/notes (preflighted): TypeError: Failed to fetch',
    ]);
  });
});
