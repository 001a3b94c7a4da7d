import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { cookieJar } from '../../tests/support/cookie-jar.ts';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './auth-cookie-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

test('logs in, and the WebSocket that carries the cookie is answered as that reader', async () => {
  // What a browser does by itself: keep the cookie, send it back.
  const jar = cookieJar();
  vi.stubGlobal('fetch', jar.fetch);
  const { ok, text } = await runInNode(run, server.url, { WebSocket: jar.WebSocket });
  expect(text, text.join('\n')).toEqual([
    expect.stringMatching(/^info my bearer token ends in …[0-9a-f]{4}$/),
    'info POST /ws-auth/session: 201, a session for 3600 s, kept in a cookie',
    'sent hello',
    expect.stringMatching(
      /^received \{"you":"token …[0-9a-f]{4}","via":"cookie","echo":"hello"\}$/,
    ),
  ]);
  expect(ok).toBe(true);
  const ending = text[0]!.slice(-4);
  expect(text[3]).toContain(`"token …${ending}"`);
  expect([...jar.cookies().keys()]).toEqual(['wb_ws_session']);
});

test('without a cookie jar, as in Node by default, the handshake is refused', async () => {
  const { ok, text } = await runInNode(run, server.url);
  expect(ok).toBe(false);
  expect(text.at(-1)).toBe('error closed with 1006 before it opened');
});
