import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './layers-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('the layer says which answers it gave and which came from the origin', async () => {
    const result = await runInNode(run, server.url);
    const json = (body: string) => `{"id":"menu","title":"Menu","body":"${body}"}`;
    const put = (path: string, body: string) =>
      `sent PUT ${path}\nContent-Type: application/json\n\n{"title":"Menu","body":"${body}"}`;
    const get = 'sent GET /api/cached/notes/menu';
    const list = '{"notes":[{"id":"menu","title":"Menu","href":"notes/menu"}]}';
    expect(result.text).toEqual([
      put('/api/cached/notes/menu', 'Soup.'),
      `received 201 Created\nX-Cache: pass\n\n${json('Soup.')}`,
      get,
      `received 200 OK\nX-Cache: miss\n\n${json('Soup.')}`,
      get,
      `received 200 OK\nX-Cache: hit\n\n${json('Soup.')}`,
      `${get}\nAccept: text/plain`,
      'received 200 OK\nX-Cache: miss\n\nMenu\n\nSoup.\n',
      put('/api/notes/menu', 'Salad.'),
      `received 200 OK\n\n${json('Salad.')}`,
      // The layer's copy is still fresh, so the change goes unseen.
      get,
      `received 200 OK\nX-Cache: hit\n\n${json('Soup.')}`,
      put('/api/cached/notes/menu', 'Salad.'),
      `received 200 OK\nX-Cache: pass\n\n${json('Salad.')}`,
      get,
      `received 200 OK\nX-Cache: miss\n\n${json('Salad.')}`,
      'sent GET /api/cached/notes',
      `received 200 OK\nX-Cache: miss\n\n${list}`,
      'sent GET /api/cached/notes',
      `received 200 OK\nX-Cache: revalidated\n\n${list}`,
      `view table ${JSON.stringify(
        [
          ['PUT /api/cached/notes/menu', 201, 'pass'],
          ['GET /api/cached/notes/menu', 200, 'miss'],
          ['GET /api/cached/notes/menu', 200, 'hit'],
          ['GET /api/cached/notes/menu', 200, 'miss'],
          ['PUT /api/notes/menu', 200, '(no layer)'],
          ['GET /api/cached/notes/menu', 200, 'hit'],
          ['PUT /api/cached/notes/menu', 200, 'pass'],
          ['GET /api/cached/notes/menu', 200, 'miss'],
          ['GET /api/cached/notes', 200, 'miss'],
          ['GET /api/cached/notes', 200, 'revalidated'],
        ].map(([request, status, xCache]) => ({ request, status, 'X-Cache': xCache })),
      )}`,
      'sent GET /api/cached/stats',
      'received 200 OK\n\n{"hit":2,"revalidated":1,"miss":4,"pass":2,"reachedOrigin":7}',
      'info of 9 requests through the layer, it answered 2 itself and sent 7 on',
    ]);
    expect(result.ok).toBe(true);
  });
});
