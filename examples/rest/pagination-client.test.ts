import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './pagination-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('by offset a note slips past the walker; by cursor none does', async () => {
    const result = await runInNode(run, server.url);
    expect(result.text).toEqual([
      'info Walking 12 notes by offset, five a page:',
      'info ?limit=5&offset=0 → 1 2 3 4 5; <notes?limit=5&offset=5>; rel="next"',
      'info meanwhile: note 2 is deleted, and note 13 added',
      'info ?limit=5&offset=5 → 7 8 9 10 11; <notes?limit=5&offset=10>; rel="next"',
      'info ?limit=5&offset=10 → 12 13; no next link',
      'info by offset: missed [6], seen twice []',
      'info Walking 12 notes by cursor, five a page:',
      'info ?limit=5 → 1 2 3 4 5; <notes?limit=5&cursor=…>; rel="next"',
      'info meanwhile: note 2 is deleted, and note 13 added',
      'info ?limit=5&cursor=… → 6 7 8 9 10; <notes?limit=5&cursor=…>; rel="next"',
      'info ?limit=5&cursor=… → 11 12 13; no next link',
      'info by cursor: missed [], seen twice []',
    ]);
    expect(result.ok).toBe(true);
  });
});
