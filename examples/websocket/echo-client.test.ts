import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './echo-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The lines the demo prints against any echo server at `ws`. */
const expected = (ws: string) => [
  `info connected to ${ws}`,
  'sent hello, wire',
  'sent 4 bytes: ca fe ba be',
  'received hello, wire',
  'received 4 bytes: ca fe ba be',
  'info closed with code 1000',
];

test('the demo sends text and binary and prints both echoes', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual(expected(`${server.url.replace('http', 'ws')}/ws/echo`));
  expect(result.ok).toBe(true);
});

test('Stop mid-run closes the socket and reports the run as stopped', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') {
        stop.abort(new DOMException('by the reader', 'AbortError'));
      }
    },
  });
  expect(result.ok).toBe(false);
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  // The demo's abort listener closed its socket: nothing stays open.
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

test('a run stopped before it starts does not open a socket', async () => {
  const result = await runInNode(run, server.url, { signal: AbortSignal.abort() });
  expect(result.text).toEqual(['error stopped: This operation was aborted']);
  expect(server.playground.openWebSockets()).toBe(0);
});

test('an unreachable server is an error line with the close code', async () => {
  const result = await runInNode(run, 'http://127.0.0.1:9');
  expect(result.ok).toBe(false);
  expect(result.text).toContain('error connection closed with 1006');
});

const withGo = needs(whyGoIsMissing());
withGo.test(
  'the same demo works against the gorilla server in examples/go',
  async () => {
    const go = await startGo(buildGo('echo-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const result = await runInNode(run, `http://${go.address}`);
      expect(result.text).toEqual(expected(`ws://${go.address}/ws/echo`));
    } finally {
      go.stop();
    }
  },
  60_000,
);
