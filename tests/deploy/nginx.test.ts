// The deployment the README describes, on loopback: redis-server, two
// playground processes sharing it (TRUST_PROXY naming the balancer) and
// deploy/nginx.conf in front of them, round-robin with no affinity.
// Everything below goes through nginx, as a reader's requests would,
// and must not care which instance answers. The test configuration
// adds a header naming the instance that answered (tests/support/nginx.ts),
// so each test can show that both were reached.

import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { newToken } from '../../examples/rest/client.ts';
import { makeSelfSigned } from '../../examples/websocket/self-signed.ts';
import { compare } from '../../examples/websocket/why-client.ts';
import en from '../../src/content/i18n/en.json';
import zhCN from '../../src/content/i18n/zh-CN.json';
import { format } from '../../src/i18n/format.ts';
import { stringsUnder } from '../../src/i18n/ui-strings.ts';
import { cellLines, connectChromium, openPage, whyChromiumIsMissing } from '../support/browser.ts';
import { needs } from '../support/needs.ts';
import {
  type RunningNginx,
  startNginx,
  UPSTREAM_HEADER,
  whyNginxIsMissing,
} from '../support/nginx.ts';
import { runInNode } from '../support/playground.ts';
import { startPlaygroundProcess } from '../support/playground-process.ts';
import { startRedis, whyRedisIsMissing } from '../support/redis.ts';
import { SITE_DIR } from '../support/site-in-chromium.ts';
import { sitePaths } from '../support/sitemap.ts';

const deployment = needs(whyRedisIsMissing() ?? whyNginxIsMissing());
const withChromium = needs(whyRedisIsMissing() ?? whyNginxIsMissing() ?? whyChromiumIsMissing());

/** The per-client WebSocket cap, WS_MAX_PER_CLIENT's default. */
const WS_MAX_PER_CLIENT = 16;

/** A playground process, its address, and "host:port" as nginx names it. */
interface Instance {
  child: ReturnType<typeof startPlaygroundProcess>['child'];
  exited: Promise<number | null>;
  url: string;
  hostPort: string;
}

let redis: Awaited<ReturnType<typeof startRedis>>;
let instances: Instance[] = [];
let nginx: RunningNginx;
let cert: string;

/** The instance that answered, from the last address nginx tried. */
function upstreamOf(headers: Headers | Record<string, string | string[] | undefined>) {
  const value =
    headers instanceof Headers ? headers.get(UPSTREAM_HEADER) : headers[UPSTREAM_HEADER];
  const last = String(value ?? '')
    .split(',')
    .at(-1)!
    .trim();
  const index = instances.findIndex((instance) => instance.hostPort === last);
  if (index === -1) throw new Error(`nginx named no instance of ours: "${value}"`);
  return index;
}

/** A WebSocket through nginx, with the instance that took it and what it was sent. */
function openSocket(path: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${nginx.url.replace('http', 'ws')}${path}`, { headers });
  const messages: Record<string, unknown>[] = [];
  // The playground's JSON messages, parsed; an echo's text as it came.
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    try {
      messages.push(JSON.parse(String(data)) as Record<string, unknown>);
    } catch {
      messages.push({ text: String(data) });
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const opened = new Promise<number>((resolve, reject) => {
    ws.once('upgrade', (response) => resolve(upstreamOf(response.headers)));
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        reject(
          Object.assign(new Error(`${response.statusCode}: ${body}`), {
            status: response.statusCode,
          }),
        ),
      );
    });
    ws.once('error', reject);
  });
  // A test that expects a refusal awaits it; others fail on it there.
  opened.catch(() => {});
  return { ws, messages, closed, opened };
}

/** Waits until /healthz at `url` says the instance is not degraded. */
async function untilReady(url: string) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { degraded: boolean };
    if (health.degraded === false) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} is still degraded after 10 s`);
}

beforeAll(async () => {
  if (whyRedisIsMissing() ?? whyNginxIsMissing()) return;
  redis = await startRedis();
  const pair = await makeSelfSigned();
  cert = pair.cert;
  instances = await Promise.all(
    [0, 1].map(async () => {
      const instance = startPlaygroundProcess({
        REDIS_URL: redis.url,
        SITE_DIR,
        // nginx connects from 127.0.0.1: what it says in
        // X-Forwarded-For is taken, what a client wrote left of it is
        // the client's address.
        TRUST_PROXY: '127.0.0.1',
        SHUTDOWN_GRACE_MS: '1000',
        // Not published: the TLS page's server-run demos handshake
        // with the instance that runs them.
        TLS_PORT: '0',
        TLS_DIR: mkdtempSync(join(tmpdir(), 'wirebook-tls-')),
      });
      const url = await instance.url;
      // An instance listens before its Redis connection is ready, and
      // answers what needs Redis with 503 until it is.
      await untilReady(url);
      return { child: instance.child, exited: instance.exited, url, hostPort: new URL(url).host };
    }),
  );
  nginx = await startNginx({
    upstreams: instances.map((instance) => instance.hostPort),
    cert: pair.cert,
    key: pair.key,
  });
}, 60_000);

afterAll(async () => {
  await nginx?.stop();
  for (const instance of instances) {
    if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await instance.exited;
  }
  await redis?.stop();
});

deployment.describe('through nginx in front of two instances and Redis', () => {
  test('TLS ends at nginx: https and wss reach the instances, plain HTTP redirects', async () => {
    const health = await new Promise<{ status: number; body: string; upstream: number }>(
      (resolve, reject) => {
        get(`${nginx.tlsUrl}/healthz`, { ca: cert }, (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, body, upstream: upstreamOf(response.headers) }),
          );
        }).on('error', reject);
      },
    );
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', redis: expect.anything() });

    const ws = new WebSocket(`${nginx.tlsUrl.replace('https', 'wss')}/ws/echo`, { ca: cert });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send('over TLS');
    const [echo] = await new Promise<[Buffer]>((resolve) =>
      ws.once('message', (data: Buffer) => resolve([data])),
    );
    expect(String(echo)).toBe('over TLS');
    ws.close();

    const redirect = await fetch(`${nginx.redirectUrl}/healthz?x=1`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://127.0.0.1/healthz?x=1');
  });

  test("the instances' own limits answer, not nginx's", async () => {
    const auth = { authorization: `Bearer ${newToken()}` };
    const big = await fetch(`${nginx.url}/api/notes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Big', body: 'x'.repeat(20 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(upstreamOf(big.headers)).toBeGreaterThanOrEqual(0);
    expect(big.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // A head line nginx's default buffers (8 KiB) would refuse with 400.
    const long = await fetch(`${nginx.url}/healthz`, { headers: { 'x-long': 'y'.repeat(12_000) } });
    expect(long.status).toBe(200);
    const over = await fetch(`${nginx.url}/healthz`, { headers: { 'x-long': 'y'.repeat(20_000) } });
    expect(over.status).toBe(431);
    expect(upstreamOf(over.headers)).toBeGreaterThanOrEqual(0);
  });

  test('a note made through one instance is read back twenty times, from both', async () => {
    const auth = { authorization: `Bearer ${newToken()}` };
    const created = await fetch(`${nginx.url}/api/notes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Balanced', body: 'Read me anywhere.' }),
    });
    expect(created.status).toBe(201);
    // Relative to the collection's URL ("notes/1").
    const location = new URL(created.headers.get('location')!, created.url);
    const note = await created.json();
    const answeredBy = new Set<number>([upstreamOf(created.headers)]);
    for (let i = 0; i < 20; i++) {
      const read = await fetch(location, { headers: auth });
      answeredBy.add(upstreamOf(read.headers));
      expect(read.status, `read ${i + 1} (instance ${upstreamOf(read.headers)})`).toBe(200);
      expect(await read.json()).toEqual(note);
    }
    expect([...answeredBy].sort()).toEqual([0, 1]);
  });

  test('a /why/ run started through one instance is followed through the other', async () => {
    const started = await fetch(`${nginx.url}/why/runs?seconds=3`, { method: 'POST' });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const other = instances[1 - upstreamOf(started.headers)]!;
    const polled = await fetch(`${other.url}/why/long-poll?run=${id}&after=0`);
    expect(polled.status).toBe(200);
    expect(((await polled.json()) as { events: unknown[] }).events.length).toBeGreaterThan(0);

    // The page's comparison, whose dozens of requests alternate.
    const result = await runInNode((io) => compare(io, 2), nginx.url, { timeoutMs: 30_000 });
    expect(result.text.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(result.ok).toBe(true);
    const table = result.lines.find((line) => 'view' in line && line.view === 'table') as
      | { value: { transport: string; events: number }[] }
      | undefined;
    const heard = new Set(table?.value.map((row) => row.events));
    expect(heard.size, 'every way heard every event').toBe(1);
    expect([...heard][0]).toBeGreaterThan(0);
  });

  test('an inspector on one instance follows a raw echo connection on the other', async () => {
    const id = 'ab'.repeat(12);
    const inspector = openSocket(`/ws/raw-inspect?id=${id}`);
    const inspectorOn = await inspector.opened;
    // Round-robin sends the next connection to the other instance; if
    // something else came between, the one after that.
    let echo = openSocket(`/ws/raw-echo?inspect=${id}`);
    if ((await echo.opened) === inspectorOn) {
      echo.ws.close();
      echo = openSocket(`/ws/raw-echo?inspect=${id}`);
    }
    expect(await echo.opened).not.toBe(inspectorOn);
    echo.ws.send('seen from afar');
    await expect.poll(() => inspector.messages.length).toBeGreaterThanOrEqual(2);
    expect(inspector.messages.map((record) => record['label'])).toEqual(
      expect.arrayContaining(['read', 'wrote']),
    );
    expect(inspector.messages.map((record) => record['says'])).toContain('"seen from afar"');
    echo.ws.close();
    inspector.ws.close();
  });

  test('the per-client WebSocket cap holds across both instances', async () => {
    // One visitor, as nginx names it to the instances.
    const visitor = { 'x-forwarded-for': '203.0.113.7' };
    const sockets = Array.from({ length: WS_MAX_PER_CLIENT }, () =>
      openSocket('/ws/echo', visitor),
    );
    const on = await Promise.all(sockets.map((socket) => socket.opened));
    expect(new Set(on).size, 'both instances hold some').toBe(2);

    const over = openSocket('/ws/echo', visitor);
    await expect(over.opened).rejects.toMatchObject({ status: 429 });
    // Another visitor is not counted with it.
    const other = openSocket('/ws/echo', { 'x-forwarded-for': '203.0.113.8' });
    await other.opened;
    other.ws.close();
    // A place given back is a place again, whichever instance gave it.
    sockets[0]!.ws.close();
    await sockets[0]!.closed;
    await expect
      .poll(async () => {
        const again = openSocket('/ws/echo', visitor);
        try {
          await again.opened;
          again.ws.close();
          return 'admitted';
        } catch (error) {
          return String((error as { status?: number }).status);
        }
      })
      .toBe('admitted');
    for (const socket of sockets) socket.ws.close();
  });
});

/** Demos that run until the reader stops them. */
const ENDLESS_DEMOS = new Set(['grpc/clock-ticks']);

/** The cell and Run all strings of the page at `path`, in its language. */
function uiStringsOf(path: string) {
  const table = path.startsWith('/zh-cn/') ? zhCN : en;
  return { cell: stringsUnder(table, 'cell'), runAll: stringsUnder(table, 'runAll') };
}

/** A pattern matching `template` filled with any numbers. */
function templatePattern(template: string) {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\?\{\w+\\?\}/g, '\\d+'));
}

withChromium.describe('every cell on every page, through nginx, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(() => browser?.close());

  const withCells = sitePaths(SITE_DIR).filter((path) =>
    readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8').includes('<wb-cell'),
  );

  describe.concurrent('Run all', () => {
    test.for(withCells)('%s: every cell succeeds', async (path, { expect }) => {
      const { page, problems } = await openPage(browser, `${nginx.url}${path}`);
      const cells = await page.locator('wb-cell').evaluateAll((found) =>
        found.map((cell) => ({
          demo: (cell as HTMLElement).dataset['demo'] ?? '',
          title: (cell as HTMLElement).dataset['title'] ?? '',
        })),
      );
      // The page's words: the Chinese pages' components speak Chinese.
      const { cell: says, runAll: summary } = uiStringsOf(path);
      // A stream that runs until the reader stops it (the gRPC page's
      // ticks) is stopped once it has shown that it runs.
      const endless = cells.filter(({ demo }) => ENDLESS_DEMOS.has(demo));
      const runAll = page.getByRole('region', { name: summary.region });
      await runAll.getByRole('button', { name: summary.run }).click();
      for (const { title } of endless) {
        const cell = page.getByRole('group', { name: format(says.label, { title }) });
        await expect
          .poll(async () => (await cellLines(cell)).length, { timeout: 60_000 })
          .toBeGreaterThanOrEqual(3);
        await cell.getByRole('button', { name: says.stop }).click();
      }
      const total = cells.length;
      const succeeded = summary[total === 1 ? 'succeeded.one' : 'succeeded.other'];
      await expect
        .poll(() => runAll.getByRole('status').textContent(), { timeout: 110_000 })
        .toMatch(templatePattern(succeeded));
      const parts = [format(succeeded, { done: total - endless.length, total })];
      if (endless.length > 0) parts.push(format(summary.stopped, { count: endless.length }));
      expect(
        await runAll.getByRole('status').textContent(),
        (await runAll.getByRole('listitem').allTextContents()).join('\n'),
      ).toBe(format(summary.summary, { parts: parts.join(summary.separator) }));
      for (const { title } of endless) {
        const how = `stopped: ${says.stoppedByReader}`;
        expect(await runAll.getByRole('listitem').allTextContents()).toContain(
          title + format(summary.item, { how }),
        );
      }
      expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
      await page.context().close();
    });
  });
});

deployment.describe('one instance stopped mid-stream', () => {
  test('its readers get 1001, resume through nginx on the other, and presence heals', async () => {
    const readers = Array.from({ length: 4 }, () => openSocket('/ws/push'));
    const on = await Promise.all(readers.map((reader) => reader.opened));
    expect(new Set(on).size, 'both instances hold readers').toBe(2);
    const presence = (reader: (typeof readers)[number]) =>
      reader.messages.filter((message) => message['type'] === 'presence').at(-1)?.['readers'];
    for (const reader of readers) await expect.poll(() => presence(reader)).toBe(readers.length);
    // Mid-stream: every reader has had a numbered message.
    const lastSeq = (messages: Record<string, unknown>[]) =>
      Math.max(-1, ...messages.map((message) => Number(message['seq'] ?? -1)));
    for (const reader of readers)
      await expect.poll(() => lastSeq(reader.messages)).toBeGreaterThan(0);

    const stopped = on[0]!;
    const survivor = 1 - stopped;
    instances[stopped]!.child.kill('SIGTERM');
    const mine = readers.filter((_, i) => on[i] === stopped);
    const others = readers.filter((_, i) => on[i] === survivor);
    for (const reader of mine) expect((await reader.closed).code).toBe(1001);
    expect(await instances[stopped]!.exited).toBe(0);
    for (const reader of others) expect(reader.ws.readyState).toBe(WebSocket.OPEN);

    // Each comes back through nginx, asking for what it missed.
    const resumed = mine.map((reader) => {
      const welcome = reader.messages.find((message) => message['type'] === 'welcome')!;
      const since = lastSeq(reader.messages);
      return { since, socket: openSocket(`/ws/push?since=${since}&stream=${welcome['stream']}`) };
    });
    for (const { socket } of resumed) expect(await socket.opened).toBe(survivor);
    for (const { since, socket } of resumed) {
      await expect.poll(() => lastSeq(socket.messages)).toBeGreaterThan(since);
      expect(socket.messages.filter((message) => message['type'] === 'gap')).toEqual([]);
      const numbered = socket.messages.filter((message) => message['seq'] !== undefined);
      expect(numbered.every((message) => Number(message['seq']) > since)).toBe(true);
    }
    const now = [...others, ...resumed.map(({ socket }) => socket)];
    for (const reader of now) {
      await expect.poll(() => presence(reader), { timeout: 20_000 }).toBe(readers.length);
    }
    for (const reader of now) reader.ws.close();
  });
});
