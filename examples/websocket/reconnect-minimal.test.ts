import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './reconnect-minimal.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('it survives each drop, and reads 1, 2, 3 again every time', async () => {
  const result = await runInNode(run, server.url, { timeoutMs: 10_000 });
  const once = [1, 2, 3].map((seq) => `received {"type":"count","seq":${seq}}`);
  const closed = 'info closed with 1006';
  const again = 'info connecting again in 500 ms';
  expect(result.text).toEqual([...once, closed, again, ...once, closed, again, ...once, closed]);
  expect(result.ok).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
