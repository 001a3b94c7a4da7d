import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { otherOrigin, run } from './cors-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const io = (base: string) => ({ url: (path: string) => new URL(path, base).href }) as never;

test('the other origin is the same playground under its other loopback name', () => {
  expect(otherOrigin(io('http://127.0.0.1:8080/'))).toBe('http://localhost:8080');
  expect(otherOrigin(io('http://localhost:8080/'))).toBe('http://127.0.0.1:8080');
});

test("in Node nothing is refused: CORS is the browser's to enforce", async () => {
  const { port } = new URL(server.url);
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    `info this page: http://127.0.0.1:${port}; calling http://localhost:${port}`,
    'received GET /healthz: 200',
    'received POST /api/notes (preflighted): 201',
    'info location: notes/1',
    'info content-type: application/json',
    expect.stringMatching(/^info etag: "[\w-]{16}"$/),
    // A browser reads null here: the header is not exposed.
    'info x-content-type-options: nosniff',
    'received PUT with If-Match (preflighted): 200',
    'received GET with X-Trace: 200',
    'received GET with credentials: 200',
    // The test playground serves no site: 503 saying how to build one.
    'received GET / (a page of the site): 503',
  ]);
  expect(result.ok).toBe(true);
});
