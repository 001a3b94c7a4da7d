// The sockets pages, built and served by the playground, in real
// Chromium: every cell runs (those the browser cannot run, through
// WS /ws/run), Stop on a server-run cell stops the run on the server,
// the IP box parses what is typed. That each page passes axe in both
// themes is every-page.test.ts's to check.

import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { createStaticSite } from '../../playground-server/static-site.ts';
import { openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const site = fileURLToPath(new URL('../../dist/', import.meta.url));
const withChromium = needs(whyChromiumIsMissing());

const PAGES = ['sockets-and-descriptors', 'ip-addresses', 'tcp', 'framing', 'udp'];

withChromium.describe('the sockets pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  const health = async () => (await fetch(`${server.url}/healthz`)).json();

  // Each page gets a browser context of its own; close them as we go.
  const opened: Page[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.context().close()));
  });

  /** Opens a path on the playground (or another origin's full URL). */
  async function open(path: string) {
    const url = path.startsWith('http') ? path : `${server.url}${path}`;
    const result = await openPage(browser, url);
    opened.push(result.page);
    return result;
  }

  /** The cell's output as "direction text" lines; views as their text. */
  const outputOf = (cell: Locator) =>
    cell.locator('.wb-line').evaluateAll((items) =>
      items.map((item) => {
        const data = item.querySelector('.wb-data, .wb-view');
        return `${item.getAttribute('data-direction')} ${data?.textContent}`;
      }),
    );

  /** Opens a sockets page and runs the named cell to its end. */
  async function runCell(path: string, title: string) {
    const { page, problems } = await open(`/sockets/${path}/`);
    const cell = page.getByRole('group', { name: `Demo: ${title}` });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => cell.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^(done|error|stopped)/);
    return { page, problems, cell, output: await outputOf(cell) };
  }

  test('your connection: both ends and the descriptors', async () => {
    const { cell, problems } = await runCell('sockets-and-descriptors', 'your connection');
    expect(await cell.getByRole('status').textContent()).toMatch(/^done in \d+ ms$/);
    // A view is drawn once its module has loaded, which may be after
    // the run has ended: wait for the tables, as a reader would.
    await expect
      .poll(() => outputOf(cell))
      .toEqual([
        'info HTTP/1.1 over TCP',
        expect.stringMatching(
          /^view endaddressportfamilyyou \(remote\)127\.0\.0\.1\d+IPv4playground \(local\)127\.0\.0\.1\d+IPv4$/,
        ),
        expect.stringMatching(/^info the playground has \d+ descriptors open:$/),
        expect.stringMatching(/^view totalsocketsfilespipesother\d+\d+/),
      ]);
    // The table is a real table, with column headers.
    expect(await cell.getByRole('columnheader', { name: 'address' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('the TCP client runs in the playground and streams its lines', async () => {
    const { cell, output, problems } = await runCell('tcp', 'TCP client');
    expect(await cell.getByRole('status').textContent()).toMatch(/^done in \d+ ms$/);
    expect(output).toEqual([
      expect.stringMatching(/^info connected from 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^info to 127\.0\.0\.1:\d+$/),
      'sent hello, tcp',
      'sent bytes in, bytes out',
      'info half-closed: sent FIN, still reading',
      'received hello, tcp',
      'received bytes in, bytes out',
      'info EOF: the server closed its side',
    ]);
    expect(problems).toEqual([]);
  });

  test('TCP failures, each as Node reports it', async () => {
    const { output, problems } = await runCell('tcp', 'TCP failures');
    expect(output).toEqual([
      'info a port no one listens on: ECONNREFUSED',
      'info a peer that aborts: ECONNRESET',
      'info a peer that says nothing for 250 ms: timeout',
      'info still open after the timeout: true',
    ]);
    expect(problems).toEqual([]);
  });

  test('Stop on a server-run cell closes its run socket and says so', async () => {
    const { page, problems } = await open('/sockets/tcp/');
    // Let the first line through, then hold the rest (and the
    // server's close), so the run is still going when Stop is pressed.
    const closedByPage: number[] = [];
    await page.routeWebSocket(/\/ws\/run/, (ws) => {
      const playground = ws.connectToServer();
      let forwarded = 0;
      playground.onMessage((message) => {
        if (forwarded++ === 0) ws.send(message);
      });
      playground.onClose(() => {});
      ws.onClose((code) => {
        closedByPage.push(code ?? 0);
        void playground.close();
      });
    });
    const cell = page.getByRole('group', { name: 'Demo: TCP failures' });
    await cell.getByRole('button', { name: 'Run' }).click();
    await cell.locator('.wb-line').first().waitFor();
    expect(await cell.getByRole('status').textContent()).toBe('running');
    await cell.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => cell.getByRole('status').textContent()).toMatch(/^stopped in \d+ ms$/);
    expect(await outputOf(cell)).toEqual([
      'info a port no one listens on: ECONNREFUSED',
      'error stopped: by the reader',
    ]);
    await expect.poll(() => closedByPage).toEqual([1000]);
    await expect.poll(health).toMatchObject({
      run: { running: 0 },
      sockets: { tcpEcho: { connections: 0 } },
    });
    expect(await cell.getByRole('button', { name: 'Run' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('one write as three reads, three writes as one', async () => {
    const { output, problems } = await runCell('framing', 'reads and writes');
    expect(output).toEqual([
      'info write 40 bytes: "forty bytes, one write, three reads ...\\n"',
      'info read 16 bytes: "forty bytes, one"',
      'info read 16 bytes: " write, three re"',
      'info read 8 bytes: "ads ...\\n"',
      'info the decoder has a message: "forty bytes, one write, three reads ..."',
      'info write 4 bytes: "one\\n"',
      'info write 4 bytes: "two\\n"',
      'info write 6 bytes: "three\\n"',
      'info read 14 bytes: "one\\ntwo\\nthree\\n"',
      'info the decoder has a message: "one"',
      'info the decoder has a message: "two"',
      'info the decoder has a message: "three"',
    ]);
    expect(problems).toEqual([]);
  });

  test('UDP: two echoes and a refusal', async () => {
    const { output, problems } = await runCell('udp', 'UDP client');
    expect(output).toEqual([
      expect.stringMatching(/^info datagrams go to 127\.0\.0\.1:\d+$/),
      'sent hello, udp',
      'sent each datagram arrives whole',
      'info sent 1025 bytes, one over the limit',
      'received hello, udp',
      'received each datagram arrives whole',
      'received error DATAGRAM_TOO_LARGE: 1025 bytes is over the limit of 1024; nothing echoed',
    ]);
    expect(problems).toEqual([]);
  });

  test('the ParseIP table runs in the browser', async () => {
    const { cell, output, problems } = await runCell('ip-addresses', 'ParseIP table');
    expect(output.at(-1)).toBe('info 5 of 10 inputs are IP addresses');
    const rows = await cell
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    expect(rows[1]).toEqual([
      '::ffff:192.0.2.1',
      '192.0.2.1',
      'c0000201',
      '0000 0000 0000 0000 0000 ffff c000 0201',
    ]);
    expect(rows[4]).toEqual(['2001:db8::00001', '', '', 'null']);
    expect(rows[6]).toEqual(['127.001.002.003', '', '', 'null']);
    expect(problems).toEqual([]);
  });

  describe('the IP box', () => {
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      ({ page, problems } = await openPage(browser, `${server.url}/sockets/ip-addresses/`));
    });
    afterAll(() => page?.context().close());

    const shown = async () => ({
      summary: await page.locator('wb-ip-inspector [data-part="summary"]').textContent(),
      bytes: await page.locator('wb-ip-inspector [data-part="bytes"]').textContent(),
      to4: await page.locator('wb-ip-inspector [data-part="to4"]').textContent(),
      text: await page.locator('wb-ip-inspector [data-part="text"]').textContent(),
    });

    test('starts with a parsed example', async () => {
      expect(await shown()).toEqual({
        summary: 'An IPv4 address, held as 16 bytes: the IPv4-mapped IPv6 form.',
        bytes: '00 00 00 00 00 00 00 00 00 00 ff ff c0 00 02 01',
        to4: 'c0 00 02 01',
        text: '192.0.2.1',
      });
    });

    test('parses what is typed into the labelled box', async () => {
      const box = page.getByLabel('Type an IP address');
      await box.fill('2001:DB8:0:0:1::1');
      expect(await shown()).toEqual({
        summary: 'An IPv6 address.',
        bytes: '20 01 0d b8 00 00 00 00 00 01 00 00 00 00 00 01',
        to4: 'null',
        text: '2001:db8::1:0:0:1',
      });
      await box.fill('');
      await box.pressSequentially('10.0.0.256');
      expect(await shown()).toEqual({
        summary: '"10.0.0.256" is not an IP address: parseIP returns null.',
        bytes: 'null',
        to4: 'null',
        text: '',
      });
      expect(problems).toEqual([]);
    });
  });

  test('the course notes page has every section other pages link to', async () => {
    const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
    const linked = new Set(
      readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .flatMap((file) => [
          ...readFileSync(join(docs, file), 'utf8').matchAll(/\/course-notes\/#([a-z-]+)/g),
        ])
        .map(([, id]) => id!),
    );
    const { page, problems } = await open('/course-notes/');
    const sections = await page.locator('main h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(sections).toEqual(['web-services', 'sockets', 'ip', 'tcp', 'websocket', 'rest', 'rpc']);
    expect([...linked].filter((id) => !sections.includes(id))).toEqual([]);
    expect(linked.size).toBeGreaterThan(2);
    // It is in the sidebar's first group, after the notebook's manual.
    const start = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) =>
        as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
    expect(start).toEqual(['/', '/notebook/', '/course-notes/']);
    expect(problems).toEqual([]);
  });

  test('every sockets page is in the sidebar, before WebSocket', async () => {
    const { page } = await open('/sockets/tcp/');
    const links = await page
      .locator('nav[aria-label="Main"] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const sockets = PAGES.map((path) => `/sockets/${path}/`);
    expect(links.filter((href) => href.startsWith('/sockets/'))).toEqual(sockets);
    expect(links.indexOf('/sockets/udp/')).toBeLessThan(links.indexOf('/websocket/echo-server/'));
  });

  describe('without a playground', () => {
    let staticOnly: Server;
    let url: string;

    beforeAll(async () => {
      staticOnly = createServer(createStaticSite(site));
      await new Promise<void>((resolve) => staticOnly.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(staticOnly.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => staticOnly.close(resolve)));

    test('a server-run cell says how to start the playground', async () => {
      const { page } = await open(`${url}/sockets/udp/`);
      const cell = page.getByRole('group', { name: 'Demo: UDP client' });
      await cell.getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => cell.getByRole('status').textContent()).toBe('error');
      expect(await outputOf(cell)).toEqual([
        `error The playground is not reachable at ${url}. Start it with ` +
          '`npm install && npm start` in a clone of Wirebook, then Run.',
      ]);
    });
  });
});
