// The wss and TLS page and the compression page in real Chromium:
// the TLS cells run in the playground (a page can neither see a TLS
// handshake nor trust a self-signed certificate), the compression
// cell in the browser, whose own deflate shows in the sizes; no
// console errors, and axe clean in both themes.

import { X509Certificate } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { axeInBothThemes, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { withTls } from '../support/playground.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

withChromium.describe('the wss and compression pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite(withTls()));
  });
  afterAll(() => closeSite({ browser, server }));

  /** Runs the named cell to its end; returns its status and lines. */
  async function runCell(page: Page, name: string) {
    const cell = page.getByRole('group', { name: `Demo: ${name}` });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => cell.getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^(done|error|stopped)/);
    const lines = await cell
      .locator('.wb-line')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            `${item.getAttribute('data-direction')} ${item.querySelector('.wb-data, .wb-view')!.textContent}`,
        ),
      );
    return { cell, lines, status: await cell.getByRole('status').textContent() };
  }

  test('the handshake cell shows what TLS settled, from the playground', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/tls/`);
    const { status, lines } = await runCell(page, 'one TLS handshake');
    expect(status).toMatch(/^done in \d+ ms$/);
    const cert = new X509Certificate(server.tls!.files.cert);
    expect(lines).toEqual([
      'info protocol: TLSv1.3',
      'info cipher: TLS_AES_256_GCM_SHA384',
      'info ALPN: http/1.1; SNI sent: localhost',
      'info subject: CN=localhost; issuer: CN=localhost',
      'info names: DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
      `info valid: ${cert.validFrom} to ${cert.validTo}`,
      `info SHA-256: ${cert.fingerprint256}`,
      'info trusted: false (DEPTH_ZERO_SELF_SIGNED_CERT)',
    ]);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });

  test('the refusals cell shows each refusal, then the trusted connection', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/tls/`);
    const { status, lines } = await runCell(page, 'refused, then trusted');
    expect(status).toMatch(/^done in \d+ ms$/);
    expect(lines).toEqual([
      'info trusting the usual CAs: DEPTH_ZERO_SELF_SIGNED_CERT',
      'info trusting it, dialled as example.org: ERR_TLS_CERT_ALTNAME_INVALID',
      'info trusting an expired one: CERT_HAS_EXPIRED',
      "info trusting the playground's certificate: authorized true",
      'received HTTP/1.1 200 OK',
    ]);
    expect(problems).toEqual([]);
  });

  test('the compression cell: Chromium compresses both ways, and the 1 MiB bomb closes 1009', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/websocket/compression/`);
    const { cell, status, lines } = await runCell(page, 'sizes on the wire');
    expect(status).toMatch(/^done in \d+ ms$/);
    expect(lines[0]).toMatch(/^info extensions: permessage-deflate/);
    expect(lines.at(-1)).toBe('info 1 MiB of "a": closed with 1009');
    const rows = await cell
      .locator('.wb-view[data-view="table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const table = rows.map(([kind, bytes, wireIn, wireOut]) => ({
      kind,
      bytes: Number(bytes),
      wireIn: Number(wireIn),
      wireOut: Number(wireOut),
    }));
    console.log('compression in Chromium:', JSON.stringify(table));
    expect(table.map((row) => [row.kind, row.bytes])).toEqual([
      ['small text', 11],
      ['repetitive JSON', 3329],
      ['the same JSON again', 3329],
      ['random bytes', 4096],
    ]);
    const [, repetitive, again, random] = table;
    // What Chromium sent was compressed too, unlike Node's client.
    expect(repetitive!.wireIn).toBeLessThan(120);
    expect(repetitive!.wireOut).toBeLessThan(120);
    expect(again!.wireOut).toBeLessThan(repetitive!.wireOut);
    expect(random!.wireIn).toBeGreaterThan(4096);
    expect(random!.wireOut).toBeGreaterThan(4096);
    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
  });
});
