import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { eachPlayground } from '../../tests/support/ws-state-stores.ts';
import { run } from './close-handshake.ts';

eachPlayground((start) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('the demo closes with 4000 and shows what each side saw', async () => {
    const result = await runInNode(run, server.url);
    expect(result.text).toEqual([
      'info connected; the server will report on this connection',
      'info close(1001, 0-byte reason) throws InvalidAccessError',
      'info close(4000, 124-byte reason) throws SyntaxError',
      'sent close frame: 4000 "reader left"',
      'received close frame: 4000 "reader left"',
      'info the client saw wasClean = true',
      'info the server saw code 4000, reason "reader left"',
    ]);
    expect(result.ok).toBe(true);
  });

  /** Opens /ws/close-report and resolves with its id. */
  async function connection() {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/close-report`);
    const hello = await new Promise<string>((resolve) => {
      ws.once('message', (data) => resolve(String(data)));
    });
    return { ws, id: (JSON.parse(hello) as { connection: string }).connection };
  }

  test('a close without a code is reported as 1005, a dropped one as 1006', async () => {
    const quiet = await connection();
    quiet.ws.close();
    const dropped = await connection();
    dropped.ws.terminate();
    const reports = await Promise.all(
      [quiet, dropped].map(async ({ id }) => {
        const response = await fetch(`${server.url}/close-reports/${id}`);
        return [response.status, await response.json()];
      }),
    );
    expect(reports).toEqual([
      [200, { code: 1005, reason: '' }],
      [200, { code: 1006, reason: '' }],
    ]);
  });

  test('a report on a connection still open waits, and one closing soon is given', async () => {
    const { ws, id } = await connection();
    const report = fetch(`${server.url}/close-reports/${id}`);
    setTimeout(() => ws.close(4321, 'later'), 50);
    const response = await report;
    expect(await response.json()).toEqual({ code: 4321, reason: 'later' });
  });

  test('an unknown connection is 404 and another method 405, saying why', async () => {
    const missing = await fetch(`${server.url}/close-reports/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no connection "nope" here; reports last 60 s' });
    const post = await fetch(`${server.url}/close-reports/nope`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });
});
