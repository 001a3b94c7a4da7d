import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './verbs-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('PUT twice leaves one note, POST twice makes two, DELETE twice ends in 404', async () => {
    const result = await runInNode(run, server.url);
    const sent = 'Content-Type: application/json\n\n{"title":"Groceries","body":"Milk, eggs."}';
    const item = (id: string) => `{"id":"${id}","title":"Groceries","href":"notes/${id}"}`;
    const note = (id: string) => `{"id":"${id}","title":"Groceries","body":"Milk, eggs."}`;
    expect(result.text).toEqual([
      `sent PUT /api/notes/groceries\n${sent}`,
      `received 201 Created\n\n${note('groceries')}`,
      `sent PUT /api/notes/groceries\n${sent}`,
      `received 200 OK\n\n${note('groceries')}`,
      'sent GET /api/notes',
      `received 200 OK\n\n{"notes":[${item('groceries')}]}`,
      'info after PUT twice: 1 note',
      `sent POST /api/notes\n${sent}`,
      `received 201 Created\nLocation: notes/1\n\n${note('1')}`,
      `sent POST /api/notes\n${sent}`,
      `received 201 Created\nLocation: notes/2\n\n${note('2')}`,
      'sent GET /api/notes',
      `received 200 OK\n\n{"notes":[${item('groceries')},${item('1')},${item('2')}]}`,
      'info after POST twice: 3 notes',
      'sent OPTIONS /api/notes/groceries',
      'received 204 No Content\nAccept-Patch: application/merge-patch+json\n' +
        'Allow: GET, HEAD, PUT, PATCH, DELETE, OPTIONS',
      'sent PATCH /api/notes/groceries\nContent-Type: application/json\n\n' +
        '{"body":"Milk, eggs, bread."}',
      'received 415 Unsupported Media Type\nAccept-Patch: application/merge-patch+json\n\n' +
        '{"type":"/rest/errors/#unsupported-media-type","title":"Unsupported media type",' +
        '"status":415,"detail":"This request needs a body of type application/merge-patch+json, ' +
        'and it sent \\"application/json\\". Set Content-Type: application/merge-patch+json.",' +
        '"expected":"application/merge-patch+json"}',
      'sent PATCH /api/notes/groceries\nContent-Type: application/merge-patch+json\n\n' +
        '{"body":"Milk, eggs, bread."}',
      'received 200 OK\n\n{"id":"groceries","title":"Groceries","body":"Milk, eggs, bread."}',
      'sent DELETE /api/notes/1',
      'received 204 No Content',
      'sent DELETE /api/notes/1',
      'received 404 Not Found\n\n{"type":"/rest/errors/#no-such-note","title":"No such note","status":404,' +
        '"detail":"This token has no note \\"1\\". Create it with PUT /api/notes/1, or GET /api/notes ' +
        'to list the notes it has."}',
      'sent GET /api/notes',
      `received 200 OK\n\n{"notes":[${item('groceries')},${item('2')}]}`,
      `view table [${item('groceries')},${item('2')}]`,
    ]);
    expect(result.ok).toBe(true);
  });
});
