import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { openSocket, rawRequest } from '../../tests/support/raw-http.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { IdempotencyKeys, idempotencyKey } from './idempotency.ts';
import { Problem } from './problem.ts';

describe('the field', () => {
  test.each([
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['  "a b"  ', 'a b'],
    ['"say \\"hi\\" \\\\ bye"', 'say "hi" \\ bye'],
    [`"${'k'.repeat(128)}"`, 'k'.repeat(128)],
  ])('%s is the key %s', (field, key) => {
    expect(idempotencyKey(field)).toBe(key);
  });

  test.each([
    ['unquoted', '8e03978e'],
    ['empty', '""'],
    ['too long', `"${'k'.repeat(129)}"`],
    ['not ASCII', '"clé"'],
    ['a control character', '"a\tb"'],
    ['a lone backslash', '"a\\b"'],
    ['a byte sequence', ':aGk=:'],
    ['sent twice', '"a", "b"'],
    ['with a parameter', '"a";x=1'],
  ])('%s is refused with 400', (_, field) => {
    expect(() => idempotencyKey(field)).toThrow(
      expect.objectContaining({ code: 'bad-idempotency-key', status: 400 }),
    );
  });

  test('no field, no key; two fields, refused', () => {
    expect(idempotencyKey(undefined)).toBeUndefined();
    expect(() => idempotencyKey(['"a"', '"b"'])).toThrow(Problem);
  });
});

describe('the keys', () => {
  const answer = { status: 201, headers: {}, body: '' };
  const done = { fingerprint: 'f', answer };

  test('a running key is refused with 409; released, it is free; completed, it is remembered', () => {
    const keys = new IdempotencyKeys({ maxKeys: 5, ttlMs: 1_000, maxTokens: 5 });
    const first = keys.claim('t', 'k');
    expect(first.previous).toBeUndefined();
    expect(() => keys.claim('t', 'k')).toThrow(
      expect.objectContaining({ code: 'idempotency-key-in-flight', status: 409 }),
    );
    // Another token's key of the same name is another key.
    expect(keys.claim('u', 'k').previous).toBeUndefined();
    first.release();
    const second = keys.claim('t', 'k');
    second.complete(done);
    second.release();
    expect(keys.claim('t', 'k').previous).toEqual(done);
  });

  test('an answer is forgotten after its time to live', () => {
    let clock = 0;
    const keys = new IdempotencyKeys({ maxKeys: 5, ttlMs: 1_000, maxTokens: 5 }, () => clock);
    keys.claim('t', 'k').complete(done);
    clock = 999;
    expect(keys.claim('t', 'k').previous).toEqual(done);
    clock = 1_000;
    expect(keys.claim('t', 'k').previous).toBeUndefined();
  });

  test('over maxKeys the oldest answered key is forgotten, never a running one', () => {
    const keys = new IdempotencyKeys({ maxKeys: 2, ttlMs: 60_000, maxTokens: 5 });
    keys.claim('t', 'running');
    keys.claim('t', 'a').complete(done);
    keys.claim('t', 'b').complete(done);
    expect(keys.claim('t', 'a').previous).toBeUndefined();
    expect(() => keys.claim('t', 'running')).toThrow(Problem);
  });

  test('over maxTokens the least recently used token loses its keys', () => {
    const keys = new IdempotencyKeys({ maxKeys: 5, ttlMs: 60_000, maxTokens: 2 });
    keys.claim('a', 'k').complete(done);
    keys.claim('b', 'k').complete(done);
    keys.claim('c', 'k').complete(done);
    expect(keys.claim('b', 'k').previous).toEqual(done);
    expect(keys.claim('a', 'k').previous).toBeUndefined();
  });
});

forEachStore((start) =>
  describe('POST /api/notes with Idempotency-Key', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await start({ restIdempotencyKeys: 2 });
    });
    afterAll(() => server.close());

    let counter = 0;
    const newToken = () => `idempotency-token-${++counter}`.padEnd(24, 'x');
    const post = (token: string, key: string | undefined, body: string, path = '/api/notes') =>
      rawRequest(server.url, 'POST', path, {
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        body,
      });
    const count = async (token: string) => {
      const list = await rawRequest(server.url, 'GET', '/api/notes', {
        headers: { authorization: `Bearer ${token}` },
      });
      return (list.json as { notes: unknown[] }).notes.length;
    };
    const milk = '{"title":"Milk","body":"Two litres."}';

    test('the same key and body get the first answer again, status, Location, ETag and body, and create nothing', async () => {
      const token = newToken();
      const first = await post(token, '"k1"', milk);
      const again = await post(token, '"k1"', milk);
      expect(first.status).toBe(201);
      for (const reply of [first, again]) {
        expect(reply.status).toBe(201);
        expect(reply.headers.location).toBe('notes/1');
        expect(reply.headers['content-type']).toBe('application/json');
      }
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toBe(first.body);
      expect(await count(token)).toBe(1);
      // The answer is the one first given, even after the note changed.
      await rawRequest(server.url, 'DELETE', '/api/notes/1', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await post(token, '"k1"', milk)).body).toBe(first.body);
      expect(await count(token)).toBe(0);
    });

    test('the same key with another body gets 422, and creates nothing', async () => {
      const token = newToken();
      await post(token, '"k"', milk);
      const other = await post(token, '"k"', '{"title":"Eggs","body":""}');
      expect(other.status).toBe(422);
      expect(other.json).toMatchObject({ type: '/rest/errors/#idempotency-key-reused' });
      // Byte for byte: the same note written with other spacing is another body.
      expect((await post(token, '"k"', milk.replace(',', ', '))).status).toBe(422);
      expect(await count(token)).toBe(1);
    });

    test('a malformed key gets 400, and creates nothing', async () => {
      const token = newToken();
      const reply = await post(token, 'unquoted-key', milk);
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({
        type: '/rest/errors/#bad-idempotency-key',
        detail: expect.stringMatching(/^Idempotency-Key must be one quoted string/),
      });
      expect(await count(token)).toBe(0);
    });

    test('keys are per token: the same key from another token is its own', async () => {
      const [ada, grace] = [newToken(), newToken()];
      await post(ada, '"shared"', milk);
      const theirs = await post(grace, '"shared"', '{"title":"Eggs","body":""}');
      expect(theirs.status).toBe(201);
      expect(await count(grace)).toBe(1);
    });

    test('a second request while the first is still arriving gets 409', async () => {
      const token = newToken();
      const { socket, received } = await openSocket(server.url);
      const head =
        'POST /api/notes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nIdempotency-Key: "slow"\r\n` +
        `Content-Length: ${milk.length}\r\n\r\n`;
      socket.write(head + milk.slice(0, 5));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await post(token, '"slow"', milk);
      expect(second.status).toBe(409);
      expect(second.json).toMatchObject({ type: '/rest/errors/#idempotency-key-in-flight' });
      socket.write(milk.slice(5));
      await expect.poll(received).toMatch(/^HTTP\/1\.1 201 Created/);
      socket.destroy();
      expect((await post(token, '"slow"', milk)).headers.location).toBe('notes/1');
      expect(await count(token)).toBe(1);
    });

    test('through the caching layer the key reaches the origin', async () => {
      const token = newToken();
      const first = await post(token, '"layered"', milk, '/api/cached/notes');
      const again = await post(token, '"layered"', milk, '/api/cached/notes');
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body).toBe(first.body);
      expect(await count(token)).toBe(1);
    });

    test('a refused request is not remembered: fixed, the same key goes through', async () => {
      const token = newToken();
      expect((await post(token, '"fix"', '{"title":""}')).status).toBe(422);
      expect((await post(token, '"fix"', milk)).status).toBe(201);
    });

    test('past REST_IDEMPOTENCY_KEYS the oldest key is forgotten, and its retry creates again', async () => {
      const token = newToken();
      await post(token, '"a"', milk);
      await post(token, '"b"', milk);
      await post(token, '"c"', milk);
      expect(await count(token)).toBe(3);
      expect((await post(token, '"c"', milk)).headers.location).toBe('notes/3');
      expect((await post(token, '"a"', milk)).headers.location).toBe('notes/4');
    });

    test('?lose-response=1 stores the note and never answers, until the client goes', async () => {
      const token = newToken();
      const client = new AbortController();
      let answered = false;
      const lost = fetch(`${server.url}/api/notes?lose-response=1`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: milk,
        signal: client.signal,
      }).then(() => {
        answered = true;
      });
      await expect.poll(() => count(token)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      client.abort();
      await expect(lost).rejects.toMatchObject({ name: 'AbortError' });
      expect(await count(token)).toBe(1);
    });
  }),
);
