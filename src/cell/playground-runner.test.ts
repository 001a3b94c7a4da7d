// The page's side of server-run demos, in Node: the same WHATWG
// WebSocket API a browser has, against an in-process playground.

import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Line } from '../../examples/demo-io.ts';
import { run as tcpClient } from '../../examples/sockets/tcp-client.ts';
import { serverDemos } from '../../shared/server-demos.ts';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import en from '../content/i18n/en.json';
import { stringsUnder } from '../i18n/ui-strings.ts';
import { playgroundDemo } from './playground-runner.ts';
import { playgroundRunner } from './runner.ts';

let server: RunningServer;
/** The page's words, in English, as Cell.astro gives them. */
const strings = stringsUnder(en, 'cell');

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function health() {
  return (await fetch(`${server.url}/healthz`)).json();
}

test('a server-run demo prints the same lines as the demo run here', async () => {
  const remote = await runInNode(playgroundDemo('sockets/tcp-client', strings), server.url);
  const local = await runInNode(tcpClient, server.url);
  // Only the client's ephemeral port differs between two runs.
  const port = /:\d+$/;
  expect(remote.text.map((line) => line.replace(port, ':…'))).toEqual(
    local.text.map((line) => line.replace(port, ':…')),
  );
  expect(remote.text).toHaveLength(8);
  expect(remote.ok).toBe(true);
});

test('bytes and views arrive as bytes and views', async () => {
  const remote = await runInNode(playgroundDemo('sockets/udp-client', strings), server.url);
  expect(remote.lines.filter((line) => line.direction === 'sent')).toEqual([
    { at: expect.any(Number), direction: 'sent', data: 'hello, udp' },
    { at: expect.any(Number), direction: 'sent', data: 'each datagram arrives whole' },
  ]);
});

test("through the cell's runner, lines keep the times the server gave them", async () => {
  const lines: Line[] = [];
  const ok = await playgroundRunner('sockets/tcp-client', strings).run({
    base: server.url,
    WebSocket,
    signal: new AbortController().signal,
    emit: (line) => lines.push(line),
    // The page's clock stands still: any time above 0 is the server's.
    now: () => 0,
  });
  expect(ok).toBe(true);
  const times = lines.map((line) => line.at);
  expect(times).toHaveLength(8);
  expect(times.at(-1)).toBeGreaterThan(0);
  expect(times).toEqual([...times].sort((a, b) => a - b));
});

test('an unknown id is an error line that says what exists', async () => {
  const result = await runInNode(playgroundDemo('sockets/nope', strings), server.url);
  expect(result.ok).toBe(false);
  expect(result.text).toEqual([
    'error no server-run demo "sockets/nope"; the playground runs only ' +
      Object.keys(serverDemos).join(', '),
  ]);
  expect(Object.keys(serverDemos)).toContain('sockets/tcp-client');
});

test('Stop closes the run socket, which stops the run on the server', async () => {
  const stop = new AbortController();
  const result = await runInNode(playgroundDemo('sockets/tcp-errors', strings), server.url, {
    signal: stop.signal,
    onLine: () => stop.abort(new DOMException('by the reader', 'AbortError')),
  });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  await expect.poll(health).toMatchObject({
    run: { running: 0 },
    sockets: { tcpEcho: { connections: 0 } },
  });
});

test('a run the playground cuts short says how it ended', async () => {
  const own = await startTestServer({ shutdownGraceMs: 100 });
  let closing: Promise<void> | undefined;
  const result = runInNode(playgroundDemo('sockets/tcp-errors', strings), own.url, {
    onLine: () => {
      closing ??= own.close();
    },
  });
  expect((await result).text.at(-1)).toBe(
    'error the playground ended the run: close code 1001 (server shutting down)',
  );
  await closing;
});
