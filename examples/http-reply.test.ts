import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { allowMethods, sendText } from './http-reply.ts';

// GET /text answers plain text; /guarded takes only GET and HEAD.
const server = createServer((req, res) => {
  if (req.url === '/text') return sendText(res, 418, 'short and stout');
  if (allowMethods(req, res, ['GET', 'HEAD'])) sendText(res, 200, 'ok');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('sendText: the reason and a newline, as UTF-8 plain text never cached', async () => {
  const response = await fetch(`${base}/text`);
  expect(response.status).toBe(418);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(response.headers.get('content-length')).toBe('16');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.text()).toBe('short and stout\n');
});

test('allowMethods lets the methods it names through', async () => {
  const response = await fetch(`${base}/guarded`);
  expect([response.status, await response.text()]).toEqual([200, 'ok\n']);
});

test('allowMethods answers any other method 405, with Allow and what to do', async () => {
  const response = await fetch(`${base}/guarded?x=1`, { method: 'DELETE' });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET, HEAD');
  expect(await response.json()).toEqual({
    error: 'DELETE is not allowed on /guarded; use GET or HEAD',
  });
});
