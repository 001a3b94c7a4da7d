// Which cookies a browser sends with a WebSocket handshake opened by a
// page of another site: the table on the handshake page, checked in
// Chromium. `localhost` and `127.0.0.1` are two sites, so one server
// on the loopback address plays both the socket's site and a
// stranger's.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_PATH, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';

const withChromium = needs(whyChromiumIsMissing());

/** The cookies the socket's site sets, one of each SameSite kind. */
const COOKIES = [
  'unmarked=1',
  'lax=1; SameSite=Lax',
  'strict=1; SameSite=Strict',
  'none=1; SameSite=None; Secure',
];

/**
 * Chromium's third-party cookie setting (its CookieControlsMode): 0
 * allows them, as Chrome does by default; 1 blocks them, as Safari does.
 */
const SETTINGS = [
  ['third-party cookies allowed', 0, ['none=1']],
  ['third-party cookies blocked', 1, []],
] as const;

withChromium.describe('cookies on a cross-site handshake', () => {
  let server: Server;
  let port: number;
  /** What each handshake carried, in arrival order. */
  const handshakes: { origin: string; cookies: string[] }[] = [];
  const profiles: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const headers = req.url === '/login' ? { 'set-cookie': COOKIES } : {};
      res.writeHead(200, { 'content-type': 'text/html', ...headers });
      res.end('<!doctype html><title>a page</title>');
    });
    // The server refuses every handshake: what matters is what the
    // browser sent, and it sends that before it learns the answer.
    server.on('upgrade', (req: IncomingMessage, socket) => {
      handshakes.push({
        origin: req.headers.origin ?? '',
        cookies: (req.headers.cookie ?? '').split('; ').filter(Boolean).sort(),
      });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server?.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  /** A browser with a profile of its own, as a reader's has. */
  async function browserWith(cookieControlsMode: number) {
    const profile = mkdtempSync(join(tmpdir(), 'wirebook-samesite-'));
    profiles.push(profile);
    mkdirSync(join(profile, 'Default'));
    const preferences = { profile: { cookie_controls_mode: cookieControlsMode } };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
    return chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
  }

  test.each(SETTINGS)(
    '%s: the site’s own page sends every cookie, another site’s only what SameSite lets through',
    async (_, mode, crossSite) => {
      const context = await browserWith(mode);
      /** Opens a WebSocket to the socket's site from a page at `origin`. */
      const handshakeFrom = async (origin: string) => {
        const page = await context.newPage();
        await page.goto(`${origin}/`);
        const before = handshakes.length;
        await page.evaluate(
          (url) =>
            new Promise<void>((resolve) => {
              const ws = new WebSocket(url);
              ws.onclose = () => resolve();
            }),
          `ws://localhost:${port}/socket`,
        );
        await page.close();
        expect(handshakes).toHaveLength(before + 1);
        return handshakes.at(-1)!;
      };
      try {
        // The reader logs in on the socket's site, localhost.
        const login = await context.newPage();
        await login.goto(`http://localhost:${port}/login`);
        await login.close();

        expect(await handshakeFrom(`http://localhost:${port}`)).toEqual({
          origin: `http://localhost:${port}`,
          cookies: ['lax=1', 'none=1', 'strict=1', 'unmarked=1'],
        });
        // A stranger's page: Origin names it. Lax and Strict cookies
        // stay home, and Chromium treats the unmarked one as Lax.
        expect(await handshakeFrom(`http://127.0.0.1:${port}`)).toEqual({
          origin: `http://127.0.0.1:${port}`,
          cookies: crossSite,
        });
      } finally {
        await context.close();
      }
    },
  );
});
