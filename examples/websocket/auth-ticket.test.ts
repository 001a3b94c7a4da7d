import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { eachPlayground } from '../../tests/support/ws-state-stores.ts';
import { createTicketAuth } from './auth-ticket.ts';
import { SecretBook } from './secret-book.ts';

const TOKEN = 'reader-token-0123456789abcd';

/** A handshake's status line, headers and body, as sent. */
async function handshake(url: string, headers: Record<string, string> = {}) {
  const raw = await openRaw(url, headers);
  await raw.close;
  const [status, ...lines] = raw.response.split('\r\n');
  return { status, headers: lines, body: raw.received().toString(), raw };
}

/** Asks `base` for a ticket with `token`. */
function askForTicket(base: string, token = TOKEN) {
  return fetch(`${base}/ws-auth/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

/** The first answer on a WebSocket to `url` after sending `text`. */
async function echoOf(url: string, text: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answer = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
  ws.send(text);
  const json = JSON.parse(await answer);
  ws.close();
  return json;
}

eachPlayground((start) => {
  describe('in the playground', () => {
    let server: RunningServer;
    let ws: string;

    beforeAll(async () => {
      server = await start();
      ws = `${server.url.replace('http', 'ws')}/ws/auth/ticket`;
    });
    afterAll(() => server.close());

    test('POST with a bearer token gets 201 and a 256-bit ticket valid for 30 s', async () => {
      const response = await askForTicket(server.url);
      expect(response.status).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body).toEqual({
        ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresInSeconds: 30,
      });
    });

    test('a ticket opens a WebSocket that knows its reader, never showing the token', async () => {
      const { ticket } = await (await askForTicket(server.url)).json();
      expect(await echoOf(`${ws}?ticket=${ticket}`, 'hello')).toEqual({
        you: 'token …abcd',
        via: 'ticket',
        echo: 'hello',
      });
    });

    test('without a token, or with a bad one, POST gets the notes API’s 401', async () => {
      const none = await fetch(`${server.url}/ws-auth/ticket`, { method: 'POST' });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="notes"');
      expect((await none.json()).type).toBe('/rest/errors/#missing-token');
      const short = await askForTicket(server.url, 'short');
      expect(short.status).toBe(401);
      expect((await short.json()).type).toBe('/rest/errors/#invalid-token');
    });

    test('GET gets 405 naming POST', async () => {
      const response = await fetch(`${server.url}/ws-auth/ticket`);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });

    test('no ticket: 401 missing-ticket, before the upgrade', async () => {
      const { status, headers, body } = await handshake(ws);
      expect(status).toBe('HTTP/1.1 401 Unauthorized');
      expect(headers).toContain('WWW-Authenticate: Ticket realm="ws-auth"');
      expect(body).toBe(
        'missing-ticket: no ?ticket= in the URL; POST /ws-auth/ticket for a new one\n',
      );
    });

    test('a ticket never issued: 401 unknown-ticket', async () => {
      const { status, body } = await handshake(`${ws}?ticket=${'A'.repeat(43)}`);
      expect(status).toBe('HTTP/1.1 401 Unauthorized');
      expect(body).toBe(
        'unknown-ticket: no such ticket was issued here; POST /ws-auth/ticket for a new one\n',
      );
    });

    test('a ticket used once already: 401 used-ticket', async () => {
      const { ticket } = await (await askForTicket(server.url)).json();
      const first = await openRaw(`${ws}?ticket=${ticket}`);
      expect(first.response).toMatch(/^HTTP\/1.1 101 /);
      const { status, body } = await handshake(`${ws}?ticket=${ticket}`);
      expect(status).toBe('HTTP/1.1 401 Unauthorized');
      expect(body).toBe(
        'used-ticket: the ticket was used already; a ticket works once; ' +
          'POST /ws-auth/ticket for a new one\n',
      );
      first.socket.destroy();
    });

    test('two handshakes racing with one ticket: exactly one opens', async () => {
      const { ticket } = await (await askForTicket(server.url)).json();
      const both = await Promise.all([1, 2].map(() => openRaw(`${ws}?ticket=${ticket}`)));
      const statuses = both.map((raw) => raw.response.split('\r\n')[0]).sort();
      expect(statuses).toEqual(['HTTP/1.1 101 Switching Protocols', 'HTTP/1.1 401 Unauthorized']);
      for (const raw of both) raw.socket.destroy();
    });
  });

  test('one valid ticket more than WS_AUTH_TICKETS: 503 with Retry-After, saying why', async () => {
    const server = await start({ wsAuthTickets: 2 });
    try {
      expect((await askForTicket(server.url)).status).toBe(201);
      expect((await askForTicket(server.url)).status).toBe(201);
      const refused = await askForTicket(server.url);
      expect(refused.status).toBe(503);
      // Room comes when the first ticket expires.
      expect(refused.headers.get('retry-after')).toMatch(/^(29|30)$/);
      expect(await refused.json()).toEqual({
        error: 'too-many-tickets: all 2 places are taken by valid tickets',
      });
    } finally {
      await server.close();
    }
  });
});

describe('on its own, on a clock the test moves', () => {
  const clock = { now: 0 };
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const tickets = new SecretBook({ max: 10, lifetimeMs: 30_000, now: () => clock.now });
    const auth = createTicketAuth({ tickets, maxPayload: 1024 });
    server = createServer(auth.issue).on('upgrade', auth.open);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('a ticket 30 s old: 401 expired-ticket', async () => {
    const { ticket } = await (await askForTicket(base)).json();
    clock.now += 30_000;
    const { status, body } = await handshake(`${base.replace('http', 'ws')}/?ticket=${ticket}`);
    expect(status).toBe('HTTP/1.1 401 Unauthorized');
    expect(body).toBe(
      'expired-ticket: the ticket is older than its lifetime; POST /ws-auth/ticket for a new one\n',
    );
  });
});
