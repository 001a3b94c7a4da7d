// The real process, as `npm start` runs it: it prints its URL, serves,
// and on SIGTERM closes every WebSocket with 1001 and exits 0.

import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { startPlaygroundProcess as start } from '../tests/support/playground-process.ts';

test('prints its URL, and SIGTERM closes clients with 1001 and exits 0', async () => {
  const server = start({ SITE_DIR: '/nonexistent-site' });
  const url = await server.url;
  const health = await fetch(`${url}/healthz`);
  expect(await health.json()).toMatchObject({ status: 'ok' });
  // Without a built site, pages say how to build it.
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(503);
  expect(await page.text()).toMatch(/npm run build/);

  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/echo`);
  await new Promise((resolve) => ws.once('open', resolve));
  const code = new Promise((resolve) => ws.once('close', resolve));
  server.child.kill('SIGTERM');
  expect(await code).toBe(1001);
  expect(await server.exited).toBe(0);
}, 20_000);

test('a bad setting stops it with a message naming the variable', async () => {
  const server = start({ PORT: 'eighty' });
  expect(await server.exited).toBe(2);
  expect(server.output()).toMatch(/PORT must be a whole number from 0 to 65535, not "eighty"/);
});
