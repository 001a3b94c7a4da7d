import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './half-open-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('the heartbeat finds the silent connection, and the reader resumes after 3', async () => {
  const result = await runInNode(run, server.url, { timeoutMs: 10_000 });
  const count = (seq: number) => `received {"type":"count","seq":${seq}}`;
  expect(result.text).toEqual([
    'info connecting to /ws/flaky?after=3&mode=hang&since=0',
    count(1),
    count(2),
    count(3),
    expect.stringMatching(
      /^info closed with 1006 "no answer to a ping" after 3 messages; retrying in \d+ ms$/,
    ),
    'info connecting to /ws/flaky?after=3&mode=hang&since=3',
    count(4),
    count(5),
    count(6),
    'info got 1, 2, 3, 4, 5, 6',
  ]);
  expect(result.ok).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
