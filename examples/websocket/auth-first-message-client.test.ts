import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './auth-first-message-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('authenticates in the first message; a socket that does not is closed with 1008', async () => {
  const { ok, text } = await runInNode(run, server.url);
  expect(text, text.join('\n')).toEqual([
    expect.stringMatching(/^info my bearer token ends in …[0-9a-f]{4}$/),
    expect.stringMatching(/^sent \{"type":"auth","token":"[0-9a-f-]{36}"\}$/),
    expect.stringMatching(/^received \{"type":"authenticated","you":"token …[0-9a-f]{4}"\}$/),
    'sent hello',
    expect.stringMatching(
      /^received \{"you":"token …[0-9a-f]{4}","via":"first-message","echo":"hello"\}$/,
    ),
    'sent hello',
    'info closed with 1008: not-auth: first message must be {"type":"auth","token":…}',
  ]);
  expect(ok).toBe(true);
  expect(text[4]).toContain(`"token …${text[0]!.slice(-4)}"`);
});
