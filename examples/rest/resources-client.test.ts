import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './resources-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('a POST gets a URI in Location, which the demo follows', async () => {
  const result = await runInNode(run, server.url);
  const note = '{"id":"1","title":"Milk","body":"Two litres, semi-skimmed."}';
  expect(result.text).toEqual([
    'sent GET /api/notes',
    'received 200 OK\n\n{"notes":[]}',
    'sent POST /api/notes\nContent-Type: application/json\n\n' +
      '{"title":"Milk","body":"Two litres, semi-skimmed."}',
    `received 201 Created\nLocation: notes/1\n\n${note}`,
    'info "notes/1" from /api/notes is /api/notes/1',
    'sent GET /api/notes/1',
    `received 200 OK\n\n${note}`,
    'sent GET /api/notes',
    'received 200 OK\n\n{"notes":[{"id":"1","title":"Milk","href":"notes/1"}]}',
    'sent GET /api/notes/2',
    'received 404 Not Found\n\n{"type":"/rest/errors/#no-such-note","title":"No such note",' +
      '"status":404,"detail":"This token has no note \\"2\\". Create it with PUT /api/notes/2, ' +
      'or GET /api/notes to list the notes it has."}',
  ]);
  expect(result.ok).toBe(true);
});

test('each run has a token of its own, so runs never see each other', async () => {
  const [first, second] = await Promise.all([
    runInNode(run, server.url),
    runInNode(run, server.url),
  ]);
  expect(first.text).toEqual(second.text);
  expect(first.text).toContain('info "notes/1" from /api/notes is /api/notes/1');
});
