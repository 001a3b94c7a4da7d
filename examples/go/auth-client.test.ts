// The gorilla client of the authentication page against the
// playground: a cookie it sends itself, a ticket, and the refusal of
// the ticket's second use, read in full as a page never can.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';

const withGo = needs(whyGoIsMissing());
withGo.describe('the gorilla client in examples/go/auth-client.go', () => {
  let server: RunningServer;
  let client: string;

  beforeAll(async () => {
    server = await startTestServer();
    client = buildGo('auth-client.go');
  }, 120_000);
  afterAll(() => server?.close());

  test('sends the cookie in requestHeader, uses a ticket, and reads the 401 of its reuse', async () => {
    const { stdout } = await promisify(execFile)(client, ['-base', server.url], {
      timeout: 10_000,
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^\{"you":"token …[0-9a-f]{4}","via":"cookie","echo":"hello"\}$/),
      expect.stringMatching(/^\{"you":"token …[0-9a-f]{4}","via":"ticket","echo":"hello"\}$/),
      'again: 401 Unauthorized, used-ticket: the ticket was used already; ' +
        'a ticket works once; POST /ws-auth/ticket for a new one',
    ]);
    // One token, one reader, whichever way it came in.
    expect(lines[0]!.slice(0, 20)).toBe(lines[1]!.slice(0, 20));
  });
});
