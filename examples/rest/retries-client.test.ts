import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './retries-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('a lost answer retried: a duplicate without a key, the first answer again with one', async () => {
    const result = await runInNode(run, server.url, { timeoutMs: 10_000 });
    const note = (id: string) =>
      `{"id":"${id}","title":"Pay the rent","body":"800 to the landlord."}`;
    const post = (path: string, key: string) =>
      `sent POST ${path}\nContent-Type: application/json\n${key}` +
      '\n{"title":"Pay the rent","body":"800 to the landlord."}';
    const key = 'Idempotency-Key: "7f3e2a90-5b1c-4d8e-9f60-2c4b8a1d3e57"\n';
    expect(result.text).toEqual([
      'info Without an Idempotency-Key:',
      post('/api/notes?lose-response=1', ''),
      'info attempt 1: no answer in 1 s; was the note stored?',
      post('/api/notes', ''),
      `received 201 Created\nLocation: notes/2\n\n${note('2')}`,
      'sent GET /api/notes',
      'received 200 OK\n\n{"notes":[{"id":"1","title":"Pay the rent","href":"notes/1"},' +
        '{"id":"2","title":"Pay the rent","href":"notes/2"}]}',
      'info With one (a new random UUID in real code, for each new note):',
      post('/api/notes?lose-response=1', key),
      'info attempt 1: no answer in 1 s; was the note stored?',
      post('/api/notes', key),
      `received 201 Created\nLocation: notes/1\n\n${note('1')}`,
      'sent GET /api/notes',
      'received 200 OK\n\n{"notes":[{"id":"1","title":"Pay the rent","href":"notes/1"}]}',
      `sent POST /api/notes\nContent-Type: application/json\n${key}` +
        '\n{"title":"Pay the rent twice","body":""}',
      'received 422 Unprocessable Entity\n\n{"type":"/rest/errors/#idempotency-key-reused",' +
        '"title":"The Idempotency-Key was used with another body","status":422,' +
        '"detail":"This Idempotency-Key was already used for a request with another body. ' +
        'A retry must send the same body; a new request needs a new key."}',
    ]);
    expect(result.ok).toBe(true);
  });
});
