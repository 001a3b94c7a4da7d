import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './push-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ pushTickMs: 100 });
});
afterAll(() => server.close());

test('Ada and Bob see each other arrive, hear each other, and get ticks', async () => {
  const result = await runInNode(run, server.url, { timeoutMs: 15_000 });
  expect(result.text).toEqual([
    'info Ada gets a welcome: connected',
    'info Ada sees 1 reader here',
    'info Bob gets a welcome: connected',
    'info Bob sees 2 readers here',
    'info Ada sees 2 readers here',
    'sent Ada: {"type":"chat","text":"Hello, Bob!"}',
    'info Bob hears Ada: Hello, Bob!',
    'sent Bob: {"type":"chat","text":"Hi, Ada!"}',
    'info Ada hears Bob: Hi, Ada!',
    'info Ada gets a tick from the server',
    'info Bob gets a tick from the server',
    'info Ada sees 1 reader here',
  ]);
  expect(result.ok).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

test('Stop closes both readers', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') stop.abort(new Error('by the reader'));
    },
  });
  expect(result.ok).toBe(false);
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
