// The streaming cell: ticks until Stop, which ends the call on both
// sides without an error in the server's log.

import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './clock-ticks.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('ticks stream until Stop; the server logs nothing', async () => {
  const logged = vi.spyOn(console, 'error');
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    timeoutMs: 10_000,
    onLine: (line) => {
      if (line.direction === 'info' && line.data === 'tick 3 of 100') stop.abort(new Error('Stop'));
    },
  });
  expect(result.ok).toBe(false);
  expect(result.text).toEqual([
    'info tick 1 of 100',
    'info bytes per tick: Connect JSON 21, Connect binary 9, JSON-RPC over WebSocket 61',
    'info tick 2 of 100',
    'info tick 3 of 100',
    'error stopped: Stop',
  ]);
  // The server's side of the call ends too: no stream is left open.
  await expect
    .poll(async () => {
      const health = await fetch(`${server.url}/healthz`);
      return ((await health.json()) as { requests: number }).requests;
    })
    .toBe(0);
  expect(logged).not.toHaveBeenCalled();
  logged.mockRestore();
});
