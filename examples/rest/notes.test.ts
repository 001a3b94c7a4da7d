import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { openSocket, rawRequest } from '../../tests/support/raw-http.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { CACHE_CONTROL } from './notes.ts';

let server: RunningServer;

const json = { 'content-type': 'application/json' };
const note = { id: 'n', title: 'Milk', body: 'Two litres.' };
const noteJson = JSON.stringify({ title: note.title, body: note.body });
/**
 * The ETag of the note above as JSON: the first 16 base64url
 * characters of the SHA-256 of its bytes, worked out apart from the
 * code under test, with
 * `printf %s '{"id":"n","title":"Milk","body":"Two litres."}' |
 * openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | cut -c1-16`.
 */
const etag = '"hmExjTpo3_zu6dL9"';

/** A request of the table: method, path, headers, body. */
interface Ask {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Leave out Authorization. */
  anonymous?: boolean;
}

/** What exists before the request: nothing, note "n", or 3 notes. */
type Setup = 'none' | 'note' | 'full';

/** Sends `ask` with `token`, after PUT /api/notes/n when `withNote`. */
async function exchange(ask: Ask, token: string, withNote: boolean) {
  const auth = { authorization: `Bearer ${token}` };
  if (withNote) {
    const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
      headers: { ...auth, ...json },
      body: noteJson,
    });
    expect(put.status).toBe(201);
  }
  return rawRequest(server.url, ask.method, ask.path, {
    headers: { ...(ask.anonymous ? {} : auth), ...ask.headers },
    ...(ask.body === undefined ? {} : { body: ask.body }),
  });
}

// #region statuses
/**
 * Every status code the notes API answers with: the request that
 * earns it, whether a note "n" exists first, and what must come back.
 * Errors are checked as whole problem documents.
 */
const statuses: [number, string, Ask, Setup, Record<string, unknown>][] = [
  [
    200,
    'GET a note',
    { method: 'GET', path: '/api/notes/n' },
    'note',
    {
      headers: {
        'content-type': 'application/json',
        etag,
        'cache-control': CACHE_CONTROL.note,
        // Origin is the playground's CORS layer's (playground-server/cors.ts).
        vary: 'Origin, accept, authorization',
      },
      json: note,
    },
  ],
  [
    200,
    'PUT over a note',
    { method: 'PUT', path: '/api/notes/n', headers: json, body: noteJson },
    'note',
    { json: note },
  ],
  [
    201,
    'POST to the collection',
    { method: 'POST', path: '/api/notes', headers: json, body: noteJson },
    'none',
    {
      headers: {
        location: 'notes/1',
        // The same, for '{"id":"1","title":"Milk","body":"Two litres."}'.
        etag: '"F-xvSlSTYlhyTFVv"',
      },
      json: { ...note, id: '1' },
    },
  ],
  [
    201,
    'PUT a new note',
    { method: 'PUT', path: '/api/notes/n', headers: json, body: noteJson },
    'none',
    { json: note },
  ],
  [204, 'DELETE a note', { method: 'DELETE', path: '/api/notes/n' }, 'note', { body: '' }],
  [
    204,
    'OPTIONS',
    { method: 'OPTIONS', path: '/api/notes/n' },
    'none',
    {
      headers: {
        allow: 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS',
        'accept-patch': 'application/merge-patch+json',
      },
    },
  ],
  [
    304,
    'GET with If-None-Match: the current ETag',
    {
      method: 'GET',
      path: '/api/notes/n',
      headers: { 'if-none-match': etag },
    },
    'note',
    { headers: { etag, 'cache-control': CACHE_CONTROL.note }, body: '' },
  ],
  [
    400,
    'malformed JSON',
    { method: 'POST', path: '/api/notes', headers: json, body: '{"title":' },
    'none',
    {
      problem: [
        'malformed-json',
        'The body is not JSON',
        /^The body is not valid JSON \(.+\)\. Send an object such as/,
      ],
    },
  ],
  [
    400,
    'a ".." segment',
    { method: 'GET', path: '/api/notes/../notes/n' },
    'note',
    {
      problem: [
        'bad-path',
        'The path is not allowed',
        'The path /api/notes/../notes/n has a "." or ".." segment. Name a note by its id alone, as in /api/notes/groceries.',
      ],
    },
  ],
  [
    400,
    'an encoded "..": %2e%2e',
    { method: 'GET', path: '/api/notes/%2e%2e' },
    'none',
    {
      problem: ['bad-path', 'The path is not allowed', /has a "\." or "\.\." segment/],
    },
  ],
  [
    400,
    'an encoded slash',
    { method: 'GET', path: '/api/notes/..%2Fsecret' },
    'none',
    {
      problem: ['bad-path', 'The path is not allowed', /hides a slash as %2F or %5C/],
    },
  ],
  [
    400,
    'an id with a space',
    { method: 'PUT', path: '/api/notes/a%20b', headers: json, body: noteJson },
    'none',
    {
      problem: [
        'bad-id',
        'The note id is not valid',
        /^"a b" is not a note id\. An id has 1 to 64 letters/,
      ],
    },
  ],
  [
    401,
    'no Authorization',
    { method: 'GET', path: '/api/notes', anonymous: true },
    'none',
    {
      headers: { 'www-authenticate': 'Bearer realm="notes"' },
      problem: [
        'missing-token',
        'A bearer token is required',
        /this request sent none\. Send Authorization: Bearer <token>/,
      ],
    },
  ],
  [
    401,
    'a token too short',
    {
      method: 'GET',
      path: '/api/notes',
      anonymous: true,
      headers: { authorization: 'Bearer abc' },
    },
    'none',
    {
      headers: { 'www-authenticate': 'Bearer realm="notes", error="invalid_token"' },
      problem: ['invalid-token', 'The token is not valid', /16 to 128/],
    },
  ],
  [
    404,
    'a note that does not exist',
    { method: 'GET', path: '/api/notes/nope' },
    'none',
    {
      problem: [
        'no-such-note',
        'No such note',
        'This token has no note "nope". Create it with PUT /api/notes/nope, or GET /api/notes to list the notes it has.',
      ],
    },
  ],
  [
    404,
    'a path that names nothing',
    { method: 'GET', path: '/api/todos' },
    'none',
    {
      problem: [
        'no-such-resource',
        'No such resource',
        'Nothing is at /api/todos. The notes are at /api/notes, and each note at /api/notes/{id}.',
      ],
    },
  ],
  [
    405,
    'DELETE on the collection',
    { method: 'DELETE', path: '/api/notes' },
    'none',
    {
      headers: { allow: 'GET, HEAD, POST, OPTIONS' },
      problem: [
        'method-not-allowed',
        'Method not allowed',
        'DELETE is not allowed here; this resource allows GET, HEAD, POST, OPTIONS.',
      ],
    },
  ],
  [
    405,
    'POST on a note',
    { method: 'POST', path: '/api/notes/n', headers: json, body: noteJson },
    'note',
    {
      headers: { allow: 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS' },
      problem: ['method-not-allowed', 'Method not allowed', /^POST is not allowed here/],
    },
  ],
  [
    406,
    'Accept: image/png',
    { method: 'GET', path: '/api/notes/n', headers: { accept: 'image/png' } },
    'note',
    {
      problem: [
        'not-acceptable',
        'No acceptable format',
        /Ask for one of application\/json, text\/html, application\/xml, text\/plain\.$/,
      ],
      extensions: { offered: ['application/json', 'text/html', 'application/xml', 'text/plain'] },
    },
  ],
  [
    409,
    'a note over the limit of 3',
    { method: 'POST', path: '/api/notes', headers: json, body: noteJson },
    'full',
    {
      problem: [
        'too-many-notes',
        'Too many notes',
        'This token already has 3 notes, the most one token may keep. DELETE a note before adding another.',
      ],
      extensions: { limit: 3 },
    },
  ],
  [
    412,
    'If-Match: an old ETag',
    {
      method: 'PUT',
      path: '/api/notes/n',
      headers: { ...json, 'if-match': '"old"' },
      body: noteJson,
    },
    'note',
    {
      problem: ['precondition-failed', 'Precondition failed', /the note changed since you read it/],
    },
  ],
  [
    412,
    'If-None-Match: * on a note that exists',
    {
      method: 'PUT',
      path: '/api/notes/n',
      headers: { ...json, 'if-none-match': '*' },
      body: noteJson,
    },
    'note',
    {
      problem: [
        'precondition-failed',
        'Precondition failed',
        /asked to go ahead only if it did not/,
      ],
    },
  ],
  [
    413,
    'a body one byte over 16 KiB',
    {
      method: 'POST',
      path: '/api/notes',
      headers: json,
      body: JSON.stringify({ title: 'x', body: 'x'.repeat(16_385 - 23) }),
    },
    'none',
    {
      problem: [
        'body-too-large',
        'The body is too large',
        'The body is 16385 bytes; this API takes at most 16384 bytes. Send a shorter note.',
      ],
      extensions: { limit: 16_384 },
    },
  ],
  [
    414,
    'a URL over 2 KiB',
    { method: 'GET', path: `/api/notes/${'x'.repeat(2038)}` },
    'none',
    {
      problem: [
        'url-too-long',
        'The URL is too long',
        'The URL has 2049 bytes; this API reads at most 2048. Put long data in the body, not the URL.',
      ],
      extensions: { limit: 2048 },
    },
  ],
  [
    415,
    'a text/plain body',
    { method: 'POST', path: '/api/notes', headers: { 'content-type': 'text/plain' }, body: 'Milk' },
    'none',
    {
      headers: { accept: 'application/json' },
      problem: [
        'unsupported-media-type',
        'Unsupported media type',
        'This request needs a body of type application/json, and it sent "text/plain". Set Content-Type: application/json.',
      ],
      extensions: { expected: 'application/json' },
    },
  ],
  [
    415,
    'a PATCH that is not a merge patch',
    { method: 'PATCH', path: '/api/notes/n', headers: json, body: '{"body":"x"}' },
    'note',
    {
      headers: { 'accept-patch': 'application/merge-patch+json' },
      problem: [
        'unsupported-media-type',
        'Unsupported media type',
        /needs a body of type application\/merge-patch\+json/,
      ],
      extensions: { expected: 'application/merge-patch+json' },
    },
  ],
  [
    422,
    'JSON that is not a note',
    {
      method: 'POST',
      path: '/api/notes',
      headers: json,
      body: '{"title":"Milk","colour":"white"}',
    },
    'none',
    {
      problem: [
        'invalid-note',
        'The body is not a note',
        'It has a member "colour", which notes do not have. A note is an object like {"title":"Milk","body":"2 litres"}.',
      ],
    },
  ],
  [
    400,
    'a page larger than the largest',
    { method: 'GET', path: '/api/notes?limit=21' },
    'none',
    {
      problem: [
        'bad-limit',
        'The page size is not allowed',
        /^limit=21 is not a page size here\. Send a whole number from 1 to 20/,
      ],
      extensions: { defaultLimit: 10, maxLimit: 20 },
    },
  ],
  [
    428,
    'PUT without If-Match where one is required',
    { method: 'PUT', path: '/api/strict/notes/n', headers: json, body: noteJson },
    'note',
    {
      problem: [
        'precondition-required',
        'Precondition required',
        /^This API refuses a PUT that does not say which version/,
      ],
    },
  ],
];
// #endregion statuses

forEachStore((start) => {
  beforeAll(async () => {
    server = await start({ restMaxNotesPerToken: 3 });
  });
  afterAll(() => server.close());

  describe('every status code, with the headers and problem document it comes with', () => {
    test('the table covers each status the REST part teaches', () => {
      const covered = new Set(statuses.map(([status]) => status));
      for (const status of [
        200, 201, 204, 304, 400, 401, 404, 405, 406, 409, 412, 413, 414, 415, 422, 428,
      ]) {
        expect(covered, `status ${status}`).toContain(status);
      }
    });

    test.each(statuses)('%i: %s', async (status, _, ask, setup, expected) => {
      const token = crypto.randomUUID();
      if (setup === 'full') {
        for (let i = 0; i < 3; i++) expect((await exchange(ask, token, false)).status).toBe(201);
      }
      const response = await exchange(ask, token, setup === 'note');
      expect(response.status).toBe(status);
      expect(response.headers).toMatchObject(expected['headers'] ?? {});
      if ('json' in expected) expect(response.json).toEqual(expected['json']);
      if ('body' in expected) expect(response.body).toBe(expected['body']);
      const problem = expected['problem'] as [string, string, string | RegExp] | undefined;
      if (problem) {
        const [code, title, detail] = problem;
        expect(response.headers['content-type']).toBe('application/problem+json');
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.json).toEqual({
          type: `/rest/errors/#${code}`,
          title,
          status,
          detail: typeof detail === 'string' ? detail : expect.stringMatching(detail),
          ...(expected['extensions'] as object),
        });
      } else {
        expect(response.headers['content-type'] ?? '').not.toMatch(/problem/);
      }
    });
  });

  describe('the verbs', () => {
    const auth = () => ({ authorization: `Bearer ${crypto.randomUUID()}` });

    test('a PATCH of the wrong type names the patch types in Accept-Patch, not Accept (RFC 5789, 2.2)', async () => {
      const headers = auth();
      await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      const patched = await rawRequest(server.url, 'PATCH', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: '{"body":"x"}',
      });
      expect(patched.status).toBe(415);
      expect(patched.headers['accept-patch']).toBe('application/merge-patch+json');
      expect(patched.headers).not.toHaveProperty('accept');
    });

    test('OPTIONS on a note advertises Accept-Patch; the collection, which takes no PATCH, does not (RFC 5789, 3.1)', async () => {
      const note = await rawRequest(server.url, 'OPTIONS', '/api/notes/n');
      expect([note.status, note.headers['accept-patch']]).toEqual([
        204,
        'application/merge-patch+json',
      ]);
      const collection = await rawRequest(server.url, 'OPTIONS', '/api/notes');
      expect([collection.status, collection.headers['allow']]).toEqual([
        204,
        'GET, HEAD, POST, OPTIONS',
      ]);
      expect(collection.headers).not.toHaveProperty('accept-patch');
    });

    test('HEAD has the headers of GET and no body', async () => {
      const headers = auth();
      await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      for (const accept of ['application/json', 'text/html', 'application/xml', 'text/plain']) {
        const get = await rawRequest(server.url, 'GET', '/api/notes/n', {
          headers: { ...headers, accept },
        });
        const head = await rawRequest(server.url, 'HEAD', '/api/notes/n', {
          headers: { ...headers, accept },
        });
        expect(head.status).toBe(200);
        expect(head.body).toBe('');
        expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
        expect(head.headers['etag']).toBe(get.headers['etag']);
        expect(get.headers['content-type']).toMatch(new RegExp(`^${accept}`));
      }
    });

    test('each representation has its own ETag, and If-Match takes any of them', async () => {
      const headers = auth();
      await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      const html = await rawRequest(server.url, 'GET', '/api/notes/n', {
        headers: { ...headers, accept: 'text/html' },
      });
      expect(html.headers['etag']).not.toBe(etag);
      expect(html.headers['content-security-policy']).toBe("default-src 'none'");
      const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json, 'if-match': String(html.headers['etag']) },
        body: JSON.stringify({ title: 'Eggs', body: 'Six.' }),
      });
      expect(put.status).toBe(200);
      expect(put.json).toEqual({ id: 'n', title: 'Eggs', body: 'Six.' });
    });

    test('PATCH merges, and a patch that leaves no note is refused whole', async () => {
      const headers = { ...auth(), 'content-type': 'application/merge-patch+json' };
      await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      const patched = await rawRequest(server.url, 'PATCH', '/api/notes/n', {
        headers,
        body: '{"body":"Three litres."}',
      });
      expect(patched.json).toEqual({ id: 'n', title: 'Milk', body: 'Three litres.' });
      const emptied = await rawRequest(server.url, 'PATCH', '/api/notes/n', {
        headers,
        body: '{"title":null}',
      });
      expect(emptied.status).toBe(422);
      const after = await rawRequest(server.url, 'GET', '/api/notes/n', { headers });
      expect(after.json).toEqual({ id: 'n', title: 'Milk', body: 'Three litres.' });
    });

    test('a 406 or 412 changes nothing', async () => {
      const headers = auth();
      await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      const changed = JSON.stringify({ title: 'Changed', body: '' });
      const refused = [
        {
          headers: { ...headers, ...json, accept: 'image/png' },
          status: 406,
          code: 'not-acceptable',
          detail:
            'Accept: image/png allows none of the representations this API makes. ' +
            'Ask for one of application/json, text/html, application/xml, text/plain.',
        },
        {
          headers: { ...headers, ...json, 'if-match': '"old"' },
          status: 412,
          code: 'precondition-failed',
          detail:
            'If-Match names a version that is not the current one: the note changed ' +
            'since you read it. GET it again for its new ETag, reapply your change, ' +
            'and send that ETag.',
        },
      ];
      for (const { headers: attempt, status, code, detail } of refused) {
        const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
          headers: attempt,
          body: changed,
        });
        expect(put.status).toBe(status);
        expect(put.json).toMatchObject({ type: `/rest/errors/#${code}`, status, detail });
      }
      expect((await rawRequest(server.url, 'GET', '/api/notes/n', { headers })).json).toEqual(note);
    });
  });

  describe('writes and their validators', () => {
    const auth = () => ({ authorization: `Bearer ${crypto.randomUUID()}` });

    test('a PUT answer carries no ETag: what was stored is not the bytes sent (RFC 9110, 9.3.4)', async () => {
      const headers = { ...auth(), ...json };
      for (const status of [201, 200]) {
        const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
          headers,
          body: noteJson,
        });
        expect(put.status).toBe(status);
        expect(put.json).toEqual(note);
        expect(put.headers).not.toHaveProperty('etag');
      }
      const get = await rawRequest(server.url, 'GET', '/api/notes/n', { headers });
      expect(get.headers['etag']).toBe(etag);
    });

    test('POST and PATCH answer with the ETag a later GET has (RFC 9110, 15.3.1, 15.3.2)', async () => {
      const headers = auth();
      const post = await rawRequest(server.url, 'POST', '/api/notes', {
        headers: { ...headers, ...json },
        body: noteJson,
      });
      const patch = await rawRequest(server.url, 'PATCH', '/api/notes/1', {
        headers: { ...headers, 'content-type': 'application/merge-patch+json' },
        body: '{"body":"Three litres."}',
      });
      const get = await rawRequest(server.url, 'GET', '/api/notes/1', { headers });
      // The tags of note "1" before and after the patch, worked out as
      // `etag` above is.
      expect(post.headers['etag']).toBe('"F-xvSlSTYlhyTFVv"');
      expect(patch.headers['etag']).toBe('"-e-Bk-ZXH4Jx4POZ"');
      expect(get.headers['etag']).toBe('"-e-Bk-ZXH4Jx4POZ"');
    });

    test.each([
      ['JSON cut short', json, '{"title":', 412, 'precondition-failed'],
      ['JSON that is not a note', json, '{"title":""}', 412, 'precondition-failed'],
      // What the headers alone refuse comes first (RFC 9110, 13.2.1).
      [
        'a type the API does not read',
        { 'content-type': 'text/plain' },
        'Milk',
        415,
        'unsupported-media-type',
      ],
    ])(
      'a stale If-Match with $0: $3, preconditions before the body (RFC 9110, 13.2.1)',
      async (_, type, body, status, code) => {
        const headers = auth();
        await rawRequest(server.url, 'PUT', '/api/notes/n', {
          headers: { ...headers, ...json },
          body: noteJson,
        });
        const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
          headers: { ...headers, ...type, 'if-match': '"stale"' },
          body,
        });
        expect(put.status).toBe(status);
        expect(put.json).toMatchObject({ type: `/rest/errors/#${code}`, status });
      },
    );

    test('a declared length over the limit is refused before preconditions: 413', async () => {
      const { socket, received } = await openSocket(server.url);
      socket.write(
        'PUT /api/notes/n HTTP/1.1\r\nHost: x\r\n' +
          `Authorization: Bearer ${crypto.randomUUID()}\r\nIf-Match: "stale"\r\n` +
          'Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n',
      );
      await expect
        .poll(() => received())
        .toMatch(
          /^HTTP\/1.1 413 [\s\S]*"The body is 104857600 bytes; this API takes at most 16384 bytes/,
        );
      socket.destroy();
    });

    test('POST evaluates preconditions against the collection too', async () => {
      const headers = { ...auth(), ...json };
      for (const condition of [{ 'if-match': '"stale"' }, { 'if-none-match': '*' }]) {
        const post = await rawRequest(server.url, 'POST', '/api/notes', {
          headers: { ...headers, ...condition },
          body: noteJson,
        });
        expect(post.status).toBe(412);
      }
      const list = await rawRequest(server.url, 'GET', '/api/notes', { headers });
      expect(list.json).toEqual({ notes: [] });
    });
  });

  /**
   * A write whose body is held back: its head goes first, with Expect:
   * 100-continue, and the server's "100 Continue" shows it has read the
   * head and is waiting for the body. `finish` sends the body and
   * resolves to the final status.
   */
  async function heldBack(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string,
  ) {
    const { socket, received } = await openSocket(server.url);
    const fields = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: x\r\n${fields.join('')}` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await expect.poll(() => received()).toMatch(/^HTTP\/1.1 100 Continue\r\n\r\n/);
    return {
      async finish() {
        socket.write(body);
        const final = /\r\n\r\nHTTP\/1.1 (\d{3}) /;
        await expect.poll(() => received()).toMatch(final);
        socket.destroy();
        return Number(final.exec(received())![1]);
      },
    };
  }

  describe('writes that overlap while their bodies arrive', () => {
    test('two PUTs naming the same ETag: the first wins, the second gets 412, no update lost', async () => {
      const headers = { authorization: `Bearer ${crypto.randomUUID()}`, ...json };
      await rawRequest(server.url, 'PUT', '/api/notes/n', { headers, body: noteJson });
      const ada = await heldBack(
        'PUT',
        '/api/notes/n',
        { ...headers, 'if-match': etag },
        '{"title":"Ada","body":""}',
      );
      const grace = await heldBack(
        'PUT',
        '/api/notes/n',
        { ...headers, 'if-match': etag },
        '{"title":"Grace","body":""}',
      );
      expect(await ada.finish()).toBe(200);
      expect(await grace.finish()).toBe(412);
      const after = await rawRequest(server.url, 'GET', '/api/notes/n', { headers });
      expect(after.json).toMatchObject({ title: 'Ada' });
    });

    test('a PATCH merges into the note as it is once its body is in, not as it was', async () => {
      const headers = { authorization: `Bearer ${crypto.randomUUID()}`, ...json };
      await rawRequest(server.url, 'PUT', '/api/notes/n', { headers, body: noteJson });
      const patch = await heldBack(
        'PATCH',
        '/api/notes/n',
        { ...headers, 'content-type': 'application/merge-patch+json' },
        '{"body":"Three litres."}',
      );
      const put = await rawRequest(server.url, 'PUT', '/api/notes/n', {
        headers,
        body: '{"title":"Oat milk","body":"Two litres."}',
      });
      expect(put.status).toBe(200);
      expect(await patch.finish()).toBe(200);
      const after = await rawRequest(server.url, 'GET', '/api/notes/n', { headers });
      expect(after.json).toEqual({ id: 'n', title: 'Oat milk', body: 'Three litres.' });
    });

    test('a PATCH whose note was deleted while its body arrived gets 404, and creates nothing', async () => {
      const headers = { authorization: `Bearer ${crypto.randomUUID()}`, ...json };
      await rawRequest(server.url, 'PUT', '/api/notes/n', { headers, body: noteJson });
      const patch = await heldBack(
        'PATCH',
        '/api/notes/n',
        { ...headers, 'content-type': 'application/merge-patch+json' },
        '{"body":"Three litres."}',
      );
      expect((await rawRequest(server.url, 'DELETE', '/api/notes/n', { headers })).status).toBe(
        204,
      );
      expect(await patch.finish()).toBe(404);
      expect((await rawRequest(server.url, 'GET', '/api/notes/n', { headers })).status).toBe(404);
    });
  });

  describe('bodies over the limit are refused before they are read whole', () => {
    test('a Content-Length over the limit gets 413 before any of the body is sent', async () => {
      const { socket, received } = await openSocket(server.url);
      socket.write(
        'POST /api/notes HTTP/1.1\r\nHost: x\r\n' +
          `Authorization: Bearer ${crypto.randomUUID()}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n',
      );
      await expect
        .poll(() => received())
        .toMatch(
          /^HTTP\/1.1 413 [\s\S]*"The body is 104857600 bytes; this API takes at most 16384 bytes/,
        );
      socket.destroy();
    });

    test('a chunked body is counted as it streams, and refused while it is still coming', async () => {
      const { socket, received } = await openSocket(server.url);
      socket.write(
        'POST /api/notes HTTP/1.1\r\nHost: x\r\n' +
          `Authorization: Bearer ${crypto.randomUUID()}\r\n` +
          'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const chunk = 'x'.repeat(4096);
      for (let i = 0; i < 5; i++) socket.write(`${(4096).toString(16)}\r\n${chunk}\r\n`);
      // The body has not ended (no zero-length chunk), yet the answer is in.
      await expect
        .poll(() => received())
        .toMatch(/^HTTP\/1.1 413 [\s\S]*"The body is over 16384 bytes/);
      // The rest flows by unread, and the connection serves the next request.
      socket.write(`${(4096).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
      socket.write(
        `GET /api/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${crypto.randomUUID()}\r\n\r\n`,
      );
      await expect.poll(() => received()).toMatch(/HTTP\/1.1 200 OK[\s\S]*\{"notes":\[\]\}$/);
      socket.destroy();
    });
  });

  test('every input gets a status the API teaches, never a 500, and the server goes on serving', async () => {
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    const paths = [
      '/api/notes',
      '/api/notes/a',
      '/api/notes/%',
      '/api/notes/%00',
      '/api/notes/a/b',
      '/api/notes/.%2e',
      '/api/cached/notes/a',
      '/api/cached/notes',
      '/api/cached/x',
      '/api/notes?x=%zz',
      '/api/notes/%C0%AF',
      '/api/',
      '/api/notes/\u00e9',
    ];
    const tokens = [
      undefined,
      'Bearer',
      `Bearer ${crypto.randomUUID()}`,
      'Bearer ====',
      'Digest x',
    ];
    const types = [
      undefined,
      'application/json',
      'application/merge-patch+json',
      'text/plain',
      ';;',
      'application/json; charset=ebcdic',
    ];
    const accepts = [
      undefined,
      '*/*',
      'text/html;q=0',
      ',,;q=x',
      'image/*',
      'application/xml;q=1.000',
    ];
    const conditions = [
      {},
      { 'if-match': '*' },
      { 'if-none-match': 'W/"x", "y"' },
      { 'if-match': '"' },
    ];
    const bodies = [
      undefined,
      '',
      '{}',
      '[]',
      'null',
      '{"title":"t","body":"b"}',
      '{"title":"\\ud800","body":""}',
      '\u0000\u00ff',
      '{'.repeat(5000),
    ];
    const taught = new Set(statuses.map(([status]) => status));
    const request = fc.record({
      method: fc.constantFrom(...methods),
      path: fc.constantFrom(...paths),
      authorization: fc.constantFrom(...tokens),
      'content-type': fc.constantFrom(...types),
      accept: fc.constantFrom(...accepts),
      condition: fc.constantFrom(...conditions),
      body: fc.constantFrom(...bodies),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, condition, body, ...named }) => {
        const headers: Record<string, string> = { ...condition };
        for (const [name, value] of Object.entries(named)) {
          if (value !== undefined) headers[name] = value;
        }
        const response = await rawRequest(server.url, method, path, {
          headers,
          ...(body === undefined ? {} : { body }),
        });
        const asked = `${method} ${path} ${JSON.stringify(headers)} ${body}`;
        // A raw é is no URL: the HTTP parser refuses it before the API.
        if (/[^\x21-\x7e]/.test(path)) {
          const why =
            'This is not an HTTP/1.1 request this server can read (Bad Request: HPE_INVALID_URL)\n';
          expect([response.status, response.body], asked).toEqual([
            400,
            method === 'HEAD' ? '' : why,
          ]);
          return;
        }
        expect(taught, `${asked}: ${response.status}`).toContain(response.status);
        // Every refusal says why, in a problem document of its own status.
        if (response.status >= 400 && method !== 'HEAD') {
          expect(response.json, asked).toMatchObject({
            type: expect.stringMatching(/^\/rest\/errors\/#[a-z-]+$/),
            status: response.status,
            detail: expect.any(String),
          });
        }
      }),
      // A fixed seed: the same requests on every run.
      { numRuns: 300, seed: 7 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
