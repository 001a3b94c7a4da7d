import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode } from '../../tests/support/playground.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { run } from './stateless-client.ts';

let server: RunningServer;

// The cell's run, against a playground with its notes in memory and in Redis.
forEachStore((start) => {
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('two tokens, one URI, two notes; no token, 401', async () => {
    const result = await runInNode(run, server.url);
    const ada = "Authorization: Bearer <Ada's token>";
    const grace = "Authorization: Bearer <Grace's token>";
    const json = 'Content-Type: application/json';
    expect(result.text).toEqual([
      `sent PUT /api/notes/diary\n${ada}\n${json}\n\n{"title":"Diary","body":"Ada was here."}`,
      'received 201 Created\n\n{"id":"diary","title":"Diary","body":"Ada was here."}',
      `sent GET /api/notes/diary\n${grace}`,
      'received 404 Not Found\n\n{"type":"/rest/errors/#no-such-note","title":"No such note","status":404,' +
        '"detail":"This token has no note \\"diary\\". Create it with PUT /api/notes/diary, or GET ' +
        '/api/notes to list the notes it has."}',
      `sent PUT /api/notes/diary\n${grace}\n${json}\n\n{"title":"Diary","body":"Grace was here."}`,
      'received 201 Created\n\n{"id":"diary","title":"Diary","body":"Grace was here."}',
      `sent GET /api/notes/diary\nAccept: text/plain\n${ada}`,
      'received 200 OK\n\nDiary\n\nAda was here.\n',
      `sent GET /api/notes/diary\nAccept: text/plain\n${grace}`,
      'received 200 OK\n\nDiary\n\nGrace was here.\n',
      'sent GET /api/notes/diary',
      'received 401 Unauthorized\nWWW-Authenticate: Bearer realm="notes"\n\n{"type":"/rest/errors/#missing-token",' +
        '"title":"A bearer token is required","status":401,"detail":"Notes are kept per bearer token, ' +
        'and this request sent none. Send Authorization: Bearer <token>, where the token is any 16 to ' +
        '128 letters, digits or \\"-._~+/\\", such as crypto.randomUUID()."}',
    ]);
    expect(result.ok).toBe(true);
  });
});
