import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './auth-ticket-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('a ticket opens one WebSocket, answered as the token’s reader; the second try is refused', async () => {
  const { ok, text } = await runInNode(run, server.url);
  expect(text, text.join('\n')).toEqual([
    expect.stringMatching(/^info my bearer token ends in …[0-9a-f]{4}$/),
    'info POST /ws-auth/ticket: 201, a ticket valid for 30 s',
    'sent hello',
    expect.stringMatching(
      /^received \{"you":"token …[0-9a-f]{4}","via":"ticket","echo":"hello"\}$/,
    ),
    'info the same ticket again: 1006, never opened',
  ]);
  expect(ok).toBe(true);
  expect(text[3]).toContain(`"token …${text[0]!.slice(-4)}"`);
});
