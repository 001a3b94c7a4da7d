// The Go reconnecting reader against the playground's /ws/flaky: the
// same drops, backoff and resume as the TypeScript reader, and the
// refusals it does not retry.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';

const withGo = needs(whyGoIsMissing());
withGo.describe('the gorilla reconnecting reader in examples/go', () => {
  let server: RunningServer;
  let client: string;

  beforeAll(async () => {
    server = await startTestServer();
    client = buildGo('reconnect-client.go');
  }, 120_000);
  afterAll(() => server?.close());

  /** Runs the reader on `path`; its lines and exit code. */
  async function gorilla(path: string, want: number) {
    const url = `${server.url.replace('http', 'ws')}${path}`;
    const args = ['-url', url, '-want', String(want)];
    try {
      const { stdout } = await promisify(execFile)(client, args, { timeout: 15_000 });
      return { lines: stdout.trimEnd().split('\n'), code: 0 };
    } catch (error) {
      const failed = error as { stdout: string; code: number };
      return { lines: failed.stdout.trimEnd().split('\n'), code: failed.code };
    }
  }

  test('reads 1 to 7 across drops, backing off and resuming after the last seq', async () => {
    const retry = /^closed with 1006 after 3 messages; retrying in \d+ ms$/;
    expect(await gorilla('/ws/flaky?after=3', 7)).toEqual({
      code: 0,
      lines: [
        'connecting to /ws/flaky?after=3',
        'count 1',
        'count 2',
        'count 3',
        expect.stringMatching(retry),
        'connecting to /ws/flaky?after=3&since=3',
        'count 4',
        'count 5',
        'count 6',
        expect.stringMatching(retry),
        'connecting to /ws/flaky?after=3&since=6',
        'count 7',
        'got 1 to 7',
      ],
    });
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });

  test('a 1008 ends it, with the reason', async () => {
    expect(await gorilla('/ws/flaky?after=0', 3)).toEqual({
      code: 1,
      lines: [
        'connecting to /ws/flaky?after=0',
        'websocket: close 1008 (policy violation): after must be a whole number from 1 to 100: not coming back',
      ],
    });
  });

  test('a refused handshake ends it, and Go sees the status a page cannot', async () => {
    const { code, lines } = await gorilla('/ws/no-such-endpoint?after=3', 3);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'connecting to /ws/no-such-endpoint?after=3',
      'refused with 404 Not Found: not coming back',
    ]);
  });
});
