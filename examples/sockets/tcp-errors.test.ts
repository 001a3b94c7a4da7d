import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './tcp-errors.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('refused, reset and timed out, each as Node reports it', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    'info a port no one listens on: ECONNREFUSED',
    'info a peer that aborts: ECONNRESET',
    'info a peer that says nothing for 250 ms: timeout',
    'info still open after the timeout: true',
  ]);
  expect(result.ok).toBe(true);
});

test('Stop in the middle leaves nothing open', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (String(line.direction === 'info' && line.data).includes('aborts')) {
        stop.abort(new DOMException('by the reader', 'AbortError'));
      }
    },
  });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  // The quiet connection to the echo server never stays open.
  await expect
    .poll(async () => {
      const health = await (await fetch(`${server.url}/healthz`)).json();
      return health.sockets.tcpEcho.connections;
    })
    .toBe(0);
});
