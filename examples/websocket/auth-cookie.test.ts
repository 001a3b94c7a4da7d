import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { eachPlayground } from '../../tests/support/ws-state-stores.ts';
import { cookieOf, createCookieAuth, SESSION_COOKIE } from './auth-cookie.ts';
import { SecretBook } from './secret-book.ts';

const TOKEN = 'reader-token-0123456789wxyz';

/** A handshake's status line, headers and body, as sent. */
async function handshake(url: string, headers: Record<string, string> = {}) {
  const raw = await openRaw(url, headers);
  await raw.close;
  const [status, ...lines] = raw.response.split('\r\n');
  return { status, headers: lines, body: raw.received().toString() };
}

/** Logs in at `base`; the Set-Cookie line and the cookie to send back. */
async function logIn(base: string, token = TOKEN) {
  const response = await fetch(`${base}/ws-auth/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { response, setCookie, cookie: setCookie.split(';')[0]! };
}

eachPlayground((start) => {
  describe('in the playground', () => {
    let server: RunningServer;
    let ws: string;

    beforeAll(async () => {
      server = await start();
      ws = `${server.url.replace('http', 'ws')}/ws/auth/cookie`;
    });
    afterAll(() => server.close());

    test('POST with a bearer token sets an HttpOnly, SameSite=Strict cookie for /ws/auth/', async () => {
      const { response, setCookie } = await logIn(server.url);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ you: 'token …wxyz', expiresInSeconds: 3600 });
      expect(setCookie).toMatch(
        /^wb_ws_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/ws\/auth\/; Max-Age=3600$/,
      );
    });

    test('the handshake that carries the cookie opens, and the server knows the reader', async () => {
      const { cookie } = await logIn(server.url);
      const socket = new WebSocket(ws, { headers: { cookie: `theme=dark; ${cookie}` } });
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const answer = new Promise<string>((resolve) =>
        socket.once('message', (data) => resolve(String(data))),
      );
      socket.send('hello');
      expect(JSON.parse(await answer)).toEqual({
        you: 'token …wxyz',
        via: 'cookie',
        echo: 'hello',
      });
      socket.close();
    });

    test('no cookie: 401 missing-session, before the upgrade', async () => {
      const { status, headers, body } = await handshake(ws);
      expect(status).toBe('HTTP/1.1 401 Unauthorized');
      expect(headers).toContain('WWW-Authenticate: Session realm="ws-auth"');
      expect(body).toBe(
        "missing-session: no session cookie; POST /ws-auth/session from this site's page first\n",
      );
    });

    test('a session id never issued: 401 unknown-session', async () => {
      const { status, body } = await handshake(ws, {
        Cookie: `${SESSION_COOKIE}=${'x'.repeat(43)}`,
      });
      expect(status).toBe('HTTP/1.1 401 Unauthorized');
      expect(body).toBe(
        "unknown-session: the session is unknown; POST /ws-auth/session from this site's page first\n",
      );
    });

    // #region origin
    test('a page on another origin is refused even with the cookie: 403', async () => {
      const { cookie } = await logIn(server.url);
      // What a browser sends when another site's page opens the socket
      // and the cookie rides along (a SameSite=None cookie, a browser
      // that ignores SameSite, or a page on the same site).
      const { status, body } = await handshake(ws, {
        Origin: 'https://evil.example',
        Cookie: cookie,
      });
      expect(status).toBe('HTTP/1.1 403 Forbidden');
      expect(body).toBe(
        'Origin https://evil.example may not open WebSockets here; ' +
          'only this site and ALLOWED_ORIGINS may\n',
      );
    });
    // #endregion origin

    test('the site’s own page, with the cookie, is welcome', async () => {
      const { cookie } = await logIn(server.url);
      const raw = await openRaw(ws, { Origin: server.url, Cookie: cookie });
      expect(raw.response).toMatch(/^HTTP\/1.1 101 /);
      raw.socket.destroy();
    });
  });

  test('one live session more than WS_AUTH_SESSIONS: 503 with Retry-After, saying why', async () => {
    const server = await start({ wsAuthSessions: 2, wsAuthSessionSeconds: 60 });
    try {
      expect((await logIn(server.url)).response.status).toBe(201);
      expect((await logIn(server.url)).response.status).toBe(201);
      const { response, setCookie } = await logIn(server.url);
      expect(response.status).toBe(503);
      expect(setCookie).toBe('');
      expect(response.headers.get('retry-after')).toMatch(/^(59|60)$/);
      expect(await response.json()).toEqual({
        error: 'too-many-sessions: all 2 places are taken by live sessions',
      });
    } finally {
      await server.close();
    }
  });
});

describe('on its own, on a clock the test moves', () => {
  const clock = { now: 0 };
  const sessions = new SecretBook({ max: 10, lifetimeMs: 60_000, now: () => clock.now });
  const auth = createCookieAuth({ sessions, maxPayload: 1024 });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(auth.login).on('upgrade', auth.open);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('a session serves many handshakes, until it expires: 401 expired-session', async () => {
    const { cookie } = await logIn(base);
    const url = `${base.replace('http', 'ws')}/`;
    for (let i = 0; i < 3; i++) {
      const raw = await openRaw(url, { Cookie: cookie });
      expect(raw.response).toMatch(/^HTTP\/1.1 101 /);
      raw.socket.destroy();
    }
    clock.now += 60_000;
    const { status, body } = await handshake(url, { Cookie: cookie });
    expect(status).toBe('HTTP/1.1 401 Unauthorized');
    expect(body).toBe(
      "expired-session: the session is expired; POST /ws-auth/session from this site's page first\n",
    );
  });

  test('over TLS the cookie is also Secure', async () => {
    const headers: Record<string, unknown> = {};
    const req = {
      method: 'POST',
      url: '/ws-auth/session',
      headers: { authorization: `Bearer ${TOKEN}` },
      socket: { encrypted: true },
    } as unknown as IncomingMessage;
    const res = {
      writeHead: (status: number, sent: Record<string, unknown>) =>
        Object.assign(headers, sent, { status }),
      end: () => {},
    } as unknown as ServerResponse;
    await auth.login(req, res);
    expect(headers['status']).toBe(201);
    expect(headers['set-cookie']).toMatch(/; Max-Age=60; Secure$/);
  });
});

test.each([
  ['the one cookie', 'wb_ws_session=abc', 'abc'],
  ['among others', 'a=1; wb_ws_session=abc; b=2', 'abc'],
  ['a value with =', 'wb_ws_session=a=b', 'a=b'],
  ['a name that only starts the same', 'wb_ws_session_old=abc', undefined],
  ['no Cookie header', undefined, undefined],
])('cookieOf: %s', (_, header, value) => {
  expect(cookieOf(header, SESSION_COOKIE)).toBe(value);
});
