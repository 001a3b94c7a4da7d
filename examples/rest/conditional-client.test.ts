import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './conditional-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('a 304 for an unchanged note, and a 412 where an update would be lost', async () => {
    const result = await runInNode(run, server.url);
    const note = (body: string) => `{"id":"plan","title":"Plan","body":"${body}"}`;
    /** A PUT's headers and body, as the demo prints them. */
    const put = (condition: string, body: string) =>
      ['Content-Type: application/json', condition, '', `{"title":"Plan","body":"${body}"}`]
        .filter((line, i) => i !== 1 || line)
        .join('\n');
    // Each version's ETag, as the GETs in the run report it.
    const tags = result.text.flatMap(
      (line) => /^received 200 OK\nETag: (\S+)/.exec(line)?.[1] ?? [],
    );
    expect(tags).toHaveLength(2);
    const [v1, v2] = tags as [string, string];
    expect(v1).toMatch(/^"[\w-]+"$/);
    expect(v2).not.toBe(v1);
    expect(result.text).toEqual([
      `sent PUT /api/notes/plan\n${put('', 'Draft.')}`,
      `received 201 Created\n\n${note('Draft.')}`,
      'sent GET /api/notes/plan',
      `received 200 OK\nETag: ${v1}\n\n${note('Draft.')}`,
      `sent GET /api/notes/plan\nIf-None-Match: ${v1}`,
      `received 304 Not Modified\nETag: ${v1}`,
      `info Ada and Grace both hold ${v1} and both edit it`,
      `sent PUT /api/notes/plan\n${put(`If-Match: ${v1}`, 'Draft, with a budget.')}`,
      `received 200 OK\n\n${note('Draft, with a budget.')}`,
      `sent PUT /api/notes/plan\n${put(`If-Match: ${v1}`, 'Draft, with a timeline.')}`,
      'received 412 Precondition Failed\n\n{"type":"/rest/errors/#precondition-failed",' +
        '"title":"Precondition failed","status":412,"detail":"If-Match names a version that is not ' +
        'the current one: the note changed since you read it. GET it again for its new ETag, ' +
        'reapply your change, and send that ETag."}',
      'info Grace reads the note again and redoes her edit on top',
      'sent GET /api/notes/plan',
      `received 200 OK\nETag: ${v2}\n\n${note('Draft, with a budget.')}`,
      `sent PUT /api/notes/plan\n${put(`If-Match: ${v2}`, 'Draft, with a budget and timeline.')}`,
      `received 200 OK\n\n${note('Draft, with a budget and timeline.')}`,
      `sent PUT /api/notes/plan\n${put('If-None-Match: *', 'Start over.')}`,
      'received 412 Precondition Failed\n\n{"type":"/rest/errors/#precondition-failed",' +
        '"title":"Precondition failed","status":412,"detail":"If-None-Match matched: the note exists, ' +
        'and this request asked to go ahead only if it did not."}',
    ]);
    expect(result.ok).toBe(true);
  });
});
