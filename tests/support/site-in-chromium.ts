// What most browser test files start with: the built site served by a
// test playground, and a connection to the browser project's Chromium.

import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Config } from '../../playground-server/config.ts';
import { connectChromium } from './browser.ts';
import { type RunningServer, startTestServer } from './playground.ts';

/** The built site, as the browser project builds it. */
export const SITE_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The site served with `overrides`, and the shared Chromium to open it in. */
export async function openSite(overrides: Partial<Config> = {}) {
  const server = await startTestServer({ siteDir: SITE_DIR, ...overrides });
  return { server, browser: await connectChromium() };
}

/** Closes what openSite opened, or as much of it as was opened. */
export async function closeSite(site: { browser?: Browser; server?: RunningServer }) {
  await site.browser?.close();
  await site.server?.close();
}
