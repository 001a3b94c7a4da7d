import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './typed-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('the typed client creates, reads, and reads a note that is not there', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    'info created note 1: Milk',
    'info 200: Milk, "Two litres."',
    'info 404: No such note (/rest/errors/#no-such-note)',
  ]);
  expect(result.ok).toBe(true);
});
