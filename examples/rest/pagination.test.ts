import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { Cursors } from './cursor.ts';

let server: RunningServer;

let counter = 0;
/** A fresh token holding notes 1..n. */
async function tokenWith(n: number) {
  const token = `pagination-token-${++counter}`.padEnd(24, 'x');
  for (let i = 1; i <= n; i++) {
    const created = await get(token, '/api/notes', 'POST', `{"title":"N${i}","body":""}`);
    expect(created.status).toBe(201);
  }
  return token;
}

function get(token: string, path: string, method = 'GET', body?: string) {
  return rawRequest(server.url, method, path, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body } : {}),
  });
}

const ids = (json: unknown) => (json as { notes: { id: string }[] }).notes.map((n) => n.id);
const nextOf = (link: unknown) => /^<notes(\?[^>]+)>; rel="next"$/.exec(String(link))?.[1];

forEachStore((start) => {
  beforeAll(async () => {
    server = await start({ restPageDefault: 3, restPageMax: 4 });
  });
  afterAll(() => server.close());

  test('pages of the default size, each linking the next, the last linking none', async () => {
    const token = await tokenWith(7);
    const pages: string[][] = [];
    let query: string | undefined = '';
    while (query !== undefined) {
      const page = await get(token, `/api/notes${query}`);
      expect(page.status).toBe(200);
      pages.push(ids(page.json));
      query = nextOf(page.headers.link);
      if (query !== undefined) expect(query).toMatch(/^\?limit=3&cursor=[\w-]+\.[\w-]+$/);
      else expect(page.headers.link).toBeUndefined();
    }
    expect(pages).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
  });

  test('a list that fits one page has no next link; an empty list is one empty page', async () => {
    const full = await get(await tokenWith(3), '/api/notes');
    expect(ids(full.json)).toEqual(['1', '2', '3']);
    expect(full.headers.link).toBeUndefined();
    const empty = await get(await tokenWith(0), '/api/notes?limit=4');
    expect(empty.json).toEqual({ notes: [] });
  });

  test('offsets page too, and skip a note when one before them is deleted', async () => {
    const token = await tokenWith(6);
    const first = await get(token, '/api/notes?limit=2&offset=0');
    expect(first.headers.link).toBe('<notes?limit=2&offset=2>; rel="next"');
    await get(token, '/api/notes/1', 'DELETE');
    const second = await get(token, '/api/notes?limit=2&offset=2');
    expect(ids(second.json)).toEqual(['4', '5']);
    const last = await get(token, '/api/notes?limit=2&offset=4');
    expect(ids(last.json)).toEqual(['6']);
    expect(last.headers.link).toBeUndefined();
  });

  test('HEAD carries the Link too, and a 304 keeps it', async () => {
    const token = await tokenWith(4);
    const head = await get(token, '/api/notes', 'HEAD');
    expect(nextOf(head.headers.link)).toBeDefined();
    const etag = String(head.headers.etag);
    const again = await rawRequest(server.url, 'GET', '/api/notes', {
      headers: { authorization: `Bearer ${token}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(nextOf(again.headers.link)).toBeDefined();
  });

  /** A 400 problem, by code and a pattern for its detail. */
  function expectProblem(reply: { status: number; json: unknown }, code: string, detail: RegExp) {
    expect(reply.status).toBe(400);
    const problem = reply.json as { type: string; detail: string };
    expect(problem.type).toBe(`/rest/errors/#${code}`);
    expect(problem.detail).toMatch(detail);
  }

  test.each(['0', '5', '-1', '2.5', 'ten', '', '1e1', '3&limit=3'])(
    'limit=%s gets 400 naming the default and the maximum',
    async (limit) => {
      const reply = await get(await tokenWith(0), `/api/notes?limit=${limit}`);
      expectProblem(reply, 'bad-limit', /whole number from 1 to 4, .* pages of 3\.$/);
      expect(reply.json).toMatchObject({ defaultLimit: 3, maxLimit: 4 });
    },
  );

  test("a cursor that is malformed, altered, another token's or another server's gets 400", async () => {
    const token = await tokenWith(5);
    const cursor = nextOf((await get(token, '/api/notes')).headers.link)!.split('cursor=')[1]!;
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from('1').toString('base64url');
    const elsewhere = new Cursors().issue(token, 3);
    const bad = [
      'nonsense',
      '',
      `${forged}.${mac}`,
      `${payload}.${mac.slice(0, -2)}AA`,
      `${payload}.${mac}.more`,
      elsewhere,
    ];
    for (const attempt of bad) {
      const reply = await get(token, `/api/notes?cursor=${encodeURIComponent(attempt)}`);
      expectProblem(reply, 'bad-cursor', /not issued to this token by this server/);
    }
    const stranger = await tokenWith(5);
    expectProblem(
      await get(stranger, `/api/notes?cursor=${cursor}`),
      'bad-cursor',
      /Link rel="next"/,
    );
    expect(ids((await get(token, `/api/notes?cursor=${cursor}`)).json)).toEqual(['4', '5']);
  });

  test('an offset that is no whole number, or one sent with a cursor, gets 400', async () => {
    const token = await tokenWith(0);
    for (const offset of ['-1', 'x', '1.5']) {
      expectProblem(await get(token, `/api/notes?offset=${offset}`), 'bad-offset', /whole number/);
    }
    expectProblem(
      await get(token, '/api/notes?offset=0&cursor=abc'),
      'bad-offset',
      /a cursor or at an offset, and this request sent both/,
    );
  });

  test('through the caching layer the Link leads on through the layer', async () => {
    const token = await tokenWith(4);
    const first = await get(token, '/api/cached/notes');
    const query = nextOf(first.headers.link)!;
    const second = await get(token, `/api/cached/notes${query}`);
    expect(ids(second.json)).toEqual(['4']);
  });
});
