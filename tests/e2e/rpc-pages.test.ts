// The RPC pages in real Chromium: every cell runs its demo against
// the playground and prints what the same demo prints under Node; the
// console calls over HTTP and WebSocket. That each page passes axe in
// both themes is every-page.test.ts's to check.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Demo } from '../../examples/demo-io.ts';
import { run as connectCalls } from '../../examples/grpc/connect-calls.ts';
import { run as connectErrors } from '../../examples/grpc/connect-errors.ts';
import { run as grpcFrames } from '../../examples/grpc/grpc-frames.ts';
import { run as protobufBytes } from '../../examples/grpc/protobuf-bytes.ts';
import { run as arithCalls } from '../../examples/rpc/arith-calls.ts';
import { script } from '../../examples/rpc/at-home.ts';
import { run as clientTour } from '../../examples/rpc/client-tour.ts';
import { run as codecSizes } from '../../examples/rpc/codec-sizes.ts';
import { run as firstCall } from '../../examples/rpc/first-call.ts';
import { run as goClient } from '../../examples/rpc/go-client.ts';
import goHttp from '../../examples/rpc/go-http-bytes.json' with { type: 'json' };
import gobArgs from '../../examples/rpc/gob-args-bytes.json' with { type: 'json' };
import { fromHex, readGob, splitHead } from '../../examples/rpc/gob-reader.ts';
import { run as httpCalls } from '../../examples/rpc/http-calls.ts';
import { run as specTour } from '../../examples/rpc/spec-tour.ts';
import { run as tcpCalls } from '../../examples/rpc/tcp-calls.ts';
import { run as websocketCalls } from '../../examples/rpc/websocket-calls.ts';
import type { RunningServer } from '../../playground-server/server.ts';
import { openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import { runInNode } from '../support/playground.ts';
import { closeSite, openSite } from '../support/site-in-chromium.ts';

const withChromium = needs(whyChromiumIsMissing());

/** The RPC pages, in their sidebar order. */
const PAGES = [
  '/rpc/wire/',
  '/rpc/json-rpc/',
  '/rpc/registry/',
  '/rpc/codecs/',
  '/rpc/transports/',
  '/rpc/client/',
  '/rpc/calling-go/',
  '/rpc/go-over-http/',
  '/rpc/protobuf/',
  '/rpc/grpc/',
  '/rpc/grpc-go/',
  '/rpc/console/',
];

/**
 * Each cell: its page, its title, the demo it runs, and whether its
 * lines come in one order. Over HTTP each call is its own request,
 * sent on whichever connection the browser picks, so a loaded machine
 * may answer them in another order than Node does.
 */
const CELLS: [string, string, Demo, 'ordered' | 'any order'][] = [
  ['/rpc/registry/', 'Arith calls', arithCalls, 'ordered'],
  ['/rpc/codecs/', 'codec sizes', codecSizes, 'ordered'],
  ['/rpc/transports/', 'calls over HTTP', httpCalls, 'any order'],
  ['/rpc/transports/', 'calls over WebSocket', websocketCalls, 'ordered'],
  ['/rpc/json-rpc/', "the specification's examples", specTour, 'ordered'],
  ['/rpc/client/', 'client tour', clientTour, 'ordered'],
  ['/rpc/protobuf/', 'protobuf bytes', protobufBytes, 'ordered'],
  // Connect and gRPC-Web from the page, through connect-web and fetch.
  ['/rpc/grpc/', 'three protocols', connectCalls, 'ordered'],
  ['/rpc/grpc/', 'errors, deadlines and metadata', connectErrors, 'ordered'],
  // These run in the playground (runner="playground"): TCP.
  ['/rpc/wire/', 'one call over TCP', firstCall, 'ordered'],
  ['/rpc/transports/', 'calls over TCP', tcpCalls, 'ordered'],
  ['/rpc/calling-go/', 'Go-format calls', goClient, 'ordered'],
  ['/rpc/grpc/', 'gRPC frames and trailers', grpcFrames, 'ordered'],
];

/**
 * What a page reported that it should not have. The gRPC errors cell
 * asks for errors on purpose, and the Connect protocol answers a
 * unary call's error with an HTTP status (invalid_argument 400,
 * deadline_exceeded 504), which Chromium logs as a failed resource.
 */
function unexpected(problems: string[]) {
  return problems.filter(
    (problem) =>
      !/^(400|504): http:\/\/[^/]+\/connect\//.test(problem) &&
      !/^console: Failed to load resource: the server responded with a status of (400|504)/.test(
        problem,
      ),
  );
}

withChromium.describe('the RPC pages in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    ({ server, browser } = await openSite());
  });
  afterAll(() => closeSite({ browser, server }));

  /** A cell's lines as "direction text"; a view as its table's cells. */
  const outputOf = (page: Page, title: string) =>
    page
      .getByRole('group', { name: `Demo: ${title}` })
      .locator('.wb-line')
      .evaluateAll((items) =>
        items.map((item) => {
          const direction = item.getAttribute('data-direction');
          const view = item.querySelector('.wb-view table');
          if (view) {
            const rows = [...view.querySelectorAll('tr')].map((tr) =>
              [...tr.children].map((cell) => cell.textContent),
            );
            return `view ${JSON.stringify(rows)}`;
          }
          return `${direction} ${item.querySelector('.wb-data')?.textContent}`;
        }),
      );

  test.each(CELLS)('%s: Run "%s" prints what Node prints', async (path, title, demo, order) => {
    const { page, problems } = await openPage(browser, `${server.url}${path}`);
    const cell = page.getByRole('group', { name: `Demo: ${title}` });
    await cell.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => cell.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^done in \d+ ms$/);
    const inNode = await runInNode(demo, server.url, { timeoutMs: 15_000 });
    expect(inNode.ok).toBe(true);
    const expected = inNode.lines.map((line, i) => {
      if (line.direction !== 'view') return inNode.text[i];
      // A table view: its header, then one row per record.
      const rows = line.value as Record<string, unknown>[];
      const columns = Object.keys(rows[0]!);
      return `view ${JSON.stringify([
        columns,
        ...rows.map((row) => columns.map((c) => String(row[c]))),
      ])}`;
    });
    // Table views are drawn once their module loads, maybe after the run ends.
    const shown = () => outputOf(page, title);
    if (order === 'ordered') await expect.poll(shown).toEqual(expected);
    else await expect.poll(async () => (await shown()).toSorted()).toEqual(expected.toSorted());
    expect(unexpected(problems)).toEqual([]);
  });

  test('the stream of ticks runs until Stop, which ends the call on the server too', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/rpc/grpc/`);
    const cell = page.getByRole('group', { name: 'Demo: ticks until Stop' });
    await cell.getByRole('button', { name: 'Run' }).click();
    const lines = () => outputOf(page, 'ticks until Stop');
    await expect.poll(lines, { timeout: 15_000 }).toContain('info tick 3 of 100');
    await cell.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => cell.getByRole('status').textContent()).toMatch(/^stopped in \d+ ms$/);
    const shown = await lines();
    expect(shown.slice(0, 5)).toEqual([
      'info tick 1 of 100',
      'info bytes per tick: Connect JSON 21, Connect binary 9, JSON-RPC over WebSocket 61',
      'info tick 2 of 100',
      'info tick 3 of 100',
      expect.stringMatching(/^(info tick 4 of 100|error stopped: by the reader)$/),
    ]);
    expect(shown.at(-1)).toBe('error stopped: by the reader');
    // The stream's request ends on the server: nothing is left in flight.
    await expect
      .poll(async () => {
        const health = await fetch(`${server.url}/healthz`);
        return ((await health.json()) as { requests: number }).requests;
      })
      .toBe(0);
    expect(problems).toEqual([]);
  });

  test("the RPC pages are the sidebar's last group, in the order they teach", async () => {
    const { page } = await openPage(browser, `${server.url}/rpc/wire/`);
    const groups = await page.locator('nav.sidebar details summary').allTextContents();
    expect(groups.map((g) => g.trim()).at(-1)).toBe('RPC');
    const links = await page
      .locator('nav.sidebar a')
      .evaluateAll((anchors) =>
        anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
    expect(links.filter((path) => path.startsWith('/rpc/'))).toEqual(PAGES);
  });

  test('the wire page prints the commands the at-home test runs', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/rpc/wire/`);
    const block = page.locator('figure', { hasText: 'in a terminal' }).locator('pre');
    const lines = await block.locator('.ec-line').allTextContents();
    expect(lines.join('\n')).toBe(script());
    expect(problems).toEqual([]);
  });

  test("gob's bytes on the pages are Go's, each run explained", async () => {
    const shown = async (path: string) => {
      const { page } = await openPage(browser, `${server.url}${path}`);
      return page
        .locator('.wb-gob')
        .evaluateAll((figures) =>
          figures.map((figure) =>
            [...figure.querySelectorAll('td:first-child code')]
              .map((code) => code.textContent)
              .join(' '),
          ),
        );
    };
    const hex = (bytes: Uint8Array) =>
      [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(await shown('/rpc/codecs/')).toEqual([hex(fromHex(gobArgs.hex))]);
    expect(readGob(fromHex(gobArgs.hex))).toHaveLength(3);
    const gobOf = (side: string) => hex(splitHead(fromHex(side)).rest);
    expect(await shown('/rpc/go-over-http/')).toEqual([gobOf(goHttp.client), gobOf(goHttp.server)]);
  });

  describe('the console', () => {
    const open = async () => {
      const { page, problems } = await openPage(browser, `${server.url}/rpc/console/`);
      const console = page.getByRole('group', { name: 'RPC console' });
      return { page, problems, console };
    };

    test('calls over HTTP: request, response and round-trip time', async () => {
      const { problems, console } = await open();
      await console.getByLabel('Method').selectOption('Arith.Divide');
      const params = console.getByLabel('Params (JSON)');
      expect(await params.inputValue()).toBe('{"A":17,"B":5}');
      await params.fill('{"A": 1, "B": 0}');
      await console.getByRole('button', { name: 'Call' }).click();
      await expect
        .poll(() => console.getByRole('status').textContent())
        .toMatch(/^Answered in \d+ ms$/);
      const request = console.getByRole('region', { name: 'Request' }).locator('pre');
      expect(JSON.parse((await request.textContent())!)).toEqual({
        jsonrpc: '2.0',
        method: 'Arith.Divide',
        params: { A: 1, B: 0 },
        id: 1,
      });
      const response = console.getByRole('region', { name: 'Response' });
      expect(JSON.parse((await response.locator('pre').textContent())!)).toEqual({
        jsonrpc: '2.0',
        error: { code: 1, message: 'divide by zero' },
        id: 1,
      });
      expect(await response.locator('[data-part="rtt"]').textContent()).toMatch(/^\d+ ms$/);
      expect(problems).toEqual([]);
    });

    test('keyboard only: WebSocket, subscribe with Ctrl+Enter, ticks pushed', async () => {
      const { page, problems, console } = await open();
      await console.getByLabel('Method').focus();
      await page.keyboard.press('Home');
      // Choose Clock.subscribe by typing its name, as a keyboard user would.
      await page.keyboard.type('Clock.su');
      expect(await console.getByLabel('Method').inputValue()).toBe('Clock.subscribe');
      await console.getByRole('radio', { name: /WebSocket/ }).check();
      await console.getByLabel('Params (JSON)').fill('{"every": 50, "count": 3}');
      await console.getByLabel('Params (JSON)').press('Control+Enter');
      await expect
        .poll(() => console.getByRole('status').textContent())
        .toMatch(/^Answered in \d+ ms$/);
      const response = console.getByRole('region', { name: 'Response' }).locator('pre');
      expect(JSON.parse((await response.textContent())!)).toMatchObject({
        result: { subscribed: 'tick', count: 3, every: 50 },
      });
      const pushed = console.getByRole('log');
      await expect
        .poll(() => pushed.locator('div').allTextContents())
        .toEqual(
          [1, 2, 3].map((n) => `{"jsonrpc":"2.0","method":"tick","params":{"n":${n},"of":3}}`),
        );
      expect(problems).toEqual([]);
    });

    test('a notification over HTTP gets 204; bad params JSON is caught before sending', async () => {
      const { problems, console } = await open();
      await console.getByLabel('Method').selectOption('update');
      await console.getByLabel(/as a notification/).check();
      await console.getByRole('button', { name: 'Call' }).click();
      const response = console.getByRole('region', { name: 'Response' }).locator('pre');
      await expect.poll(() => response.textContent()).toBe('204 No Content (nothing is returned)');
      await console.getByLabel('Params (JSON)').fill('[1, 2');
      await console.getByRole('button', { name: 'Call' }).click();
      await expect
        .poll(() => console.getByRole('status').textContent())
        .toMatch(/^The params are not JSON: /);
      expect(problems).toEqual([]);
    });
  });
});
