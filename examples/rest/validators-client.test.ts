import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './validators-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('a 304 by date, a lost update within one second, and 428 where If-Match is required', async () => {
    const result = await runInNode(run, server.url);
    const dates = result.text.flatMap(
      (line) => /^received 200 OK\nLast-Modified: (.+)$/m.exec(line)?.[1] ?? [],
    );
    expect(dates).toHaveLength(1);
    const [date] = dates as [string];
    expect(date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const note = (body: string) => `{"id":"plan","title":"Plan","body":"${body}"}`;
    const put = (path: string, body: string, condition = '') =>
      `sent PUT ${path}\nContent-Type: application/json\n${condition}` +
      `\n{"title":"Plan","body":"${body}"}`;
    const since = `If-Unmodified-Since: ${date}\n`;
    const tags = result.text.flatMap((line) => /^ETag: (.+)$/m.exec(line)?.[1] ?? []);
    expect(tags).toHaveLength(1);
    expect(result.text).toEqual([
      put('/api/notes/plan', 'Draft.'),
      `received 201 Created\n\n${note('Draft.')}`,
      'sent GET /api/notes/plan',
      `received 200 OK\nLast-Modified: ${date}\n\n${note('Draft.')}`,
      `sent GET /api/notes/plan\nIf-Modified-Since: ${date}`,
      'received 304 Not Modified',
      'info Ada and Grace both read the note in this second, and both save',
      put('/api/notes/plan', 'Draft, with a budget.', since),
      `received 200 OK\n\n${note('Draft, with a budget.')}`,
      put('/api/notes/plan', 'Draft, with a timeline.', since),
      `received 200 OK\n\n${note('Draft, with a timeline.')}`,
      "info Both went through: Grace's save erased Ada's, one second apart at most",
      'info /api/strict/notes is the same notes, refusing a write without If-Match',
      put('/api/strict/notes/plan', 'Start over.'),
      'received 428 Precondition Required\n\n{"type":"/rest/errors/#precondition-required",' +
        '"title":"Precondition required","status":428,"detail":"This API refuses a PUT that ' +
        'does not say which version of the note it changes. GET the note and send its ETag in ' +
        'If-Match; to create a note with PUT, send If-None-Match: * instead."}',
      'sent GET /api/strict/notes/plan',
      `received 200 OK\nETag: ${tags[0]}\n\n${note('Draft, with a timeline.')}`,
      put('/api/strict/notes/plan', 'Start over.', `If-Match: ${tags[0]}\n`),
      `received 200 OK\n\n${note('Start over.')}`,
    ]);
    expect(result.ok).toBe(true);
  });
});
