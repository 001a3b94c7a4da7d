// The authentication page in real Chromium: its three cells against
// the playground, then what the cookie way's defences do with a real
// browser's cookie jar. After the cell has logged in, a page on another
// port of 127.0.0.1 (another origin, the same site) opens the socket:
// SameSite lets the cookie go, and only the Origin check refuses it.
// A page on localhost (another site) sends no cookie at all.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, cellLines, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());
const PATH = '/websocket/authentication/';

/** Clicks Run on the named cell, waits until it is done, returns its lines. */
async function runCell(page: Page, name: string) {
  const cell = page.getByRole('group', { name: `Demo: ${name}` });
  await cell.getByRole('button', { name: 'Run' }).click();
  const status = cell.getByRole('status');
  await expect
    .poll(() => status.textContent(), { timeout: 20_000, interval: 200 })
    .toMatch(/^(done|error|stopped)/);
  const lines = await cellLines(cell);
  expect(await status.textContent(), lines.join('\n')).toMatch(/^done in \d+ ms$/);
  return lines;
}

withChromium.describe('the authentication page in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  /** A server for the other origins' pages: a blank page on any path. */
  let stranger: Server;
  let strangerPort: number;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
    stranger = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>another origin</title>');
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    strangerPort = (stranger.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await closeSite({ browser, server });
    stranger?.close();
  });

  test('it is in the sidebar after Push, each way’s cell runs, with no errors but the refused ticket, and axe passes', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${PATH}`);
    const sidebar = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(sidebar.slice(sidebar.indexOf('/websocket/push/'))).toContain(PATH);
    const ending = /^info my bearer token ends in …([0-9a-f]{4})$/;

    const ticket = await runCell(page, 'a one-time ticket');
    const ticketToken = ending.exec(ticket[0]!)?.[1];
    expect(ticket).toEqual([
      `info my bearer token ends in …${ticketToken}`,
      'info POST /ws-auth/ticket: 201, a ticket valid for 30 s',
      'sent hello',
      `received {"you":"token …${ticketToken}","via":"ticket","echo":"hello"}`,
      'info the same ticket again: 1006, never opened',
    ]);

    const cookie = await runCell(page, 'a session cookie');
    const cookieToken = ending.exec(cookie[0]!)?.[1];
    expect(cookie).toEqual([
      `info my bearer token ends in …${cookieToken}`,
      'info POST /ws-auth/session: 201, a session for 3600 s, kept in a cookie',
      'sent hello',
      `received {"you":"token …${cookieToken}","via":"cookie","echo":"hello"}`,
    ]);
    // HttpOnly: the page's script cannot see the session.
    expect(await page.evaluate(() => document.cookie)).not.toContain('wb_ws_session');

    const first = await runCell(page, 'auth in the first message');
    const firstToken = ending.exec(first[0]!)?.[1];
    expect(first).toEqual([
      `info my bearer token ends in …${firstToken}`,
      expect.stringMatching(
        new RegExp(`^sent \\{"type":"auth","token":"[0-9a-f-]{32}${firstToken}"\\}$`),
      ),
      `received {"type":"authenticated","you":"token …${firstToken}"}`,
      'sent hello',
      `received {"you":"token …${firstToken}","via":"first-message","echo":"hello"}`,
      'sent hello',
      'info closed with 1008: not-auth: first message must be {"type":"auth","token":…}',
    ]);

    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    // The browser tells the console, not the page, why the reused
    // ticket's handshake failed: a 401 whose challenge it cannot meet.
    // Its line quotes the URL, ticket and all.
    expect(problems).toEqual([
      expect.stringMatching(
        /^console: WebSocket connection to 'ws:\/\/[^']+\/ws\/auth\/ticket\?ticket=[A-Za-z0-9_-]{43}' failed: HTTP Authentication failed; no valid credentials available$/,
      ),
    ]);
    await page.context().close();
    await expect.poll(() => server.playground.openWebSockets(), { timeout: 10_000 }).toBe(0);
  });

  test('with the session cookie in the jar: same site, other origin gets 403; another site sends no cookie', async () => {
    const { page, problems } = await openPage(browser, `${server.url}${PATH}`);
    await runCell(page, 'a session cookie');
    const { port } = new URL(server.url);

    // What each handshake carried, seen before the playground answers.
    const handshakes: { origin: string | undefined; cookie: string | undefined }[] = [];
    const record = (req: IncomingMessage) =>
      handshakes.push({ origin: req.headers.origin, cookie: req.headers.cookie });
    server.server.prependListener('upgrade', record);
    const socketFrom = async (origin: string) => {
      await page.goto(`${origin}/`);
      return page.evaluate(
        (url) =>
          new Promise<{ opened: boolean; code: number }>((resolve) => {
            let opened = false;
            const ws = new WebSocket(url);
            ws.onopen = () => {
              opened = true;
              ws.close(1000);
            };
            ws.onclose = (event) => resolve({ opened, code: event.code });
          }),
        `ws://127.0.0.1:${port}/ws/auth/cookie`,
      );
    };
    try {
      // The site's own page: the cookie goes, the socket opens.
      expect(await socketFrom(server.url)).toEqual({ opened: true, code: 1000 });
      // Another port of 127.0.0.1: one site, so SameSite=Strict lets the
      // cookie go; the Origin check refuses the handshake (403).
      expect(await socketFrom(`http://127.0.0.1:${strangerPort}`)).toEqual({
        opened: false,
        code: 1006,
      });
      // localhost: another site, so the cookie stays home (and the
      // Origin check refuses the handshake all the same).
      expect(await socketFrom(`http://localhost:${strangerPort}`)).toEqual({
        opened: false,
        code: 1006,
      });
    } finally {
      server.server.off('upgrade', record);
      await page.context().close();
    }
    const session = /wb_ws_session=[A-Za-z0-9_-]{43}/;
    expect(handshakes).toEqual([
      { origin: server.url, cookie: expect.stringMatching(session) },
      { origin: `http://127.0.0.1:${strangerPort}`, cookie: expect.stringMatching(session) },
      { origin: `http://localhost:${strangerPort}`, cookie: undefined },
    ]);
    // The console says what the pages could not: the Origin check
    // refused both strangers, before the endpoint looked for a session.
    expect(problems).toEqual([
      expect.stringMatching(/Unexpected response code: 403$/),
      expect.stringMatching(/Unexpected response code: 403$/),
    ]);
  });
});
