import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { forEachStore } from '../../tests/support/rest-stores.ts';
import { evaluatePreconditions, requirePrecondition } from './conditional.ts';
import { formatHttpDate } from './http-date.ts';

// The note changed at 08:49:37.600; its Last-Modified says 08:49:37.
const changed = Date.UTC(1994, 10, 6, 8, 49, 37, 600);
const at = (seconds: number) => formatHttpDate(Date.UTC(1994, 10, 6, 8, 49, seconds));
const tags = ['"v1"'];

describe('dates, in the order of RFC 9110 section 13.2.2', () => {
  test.each([
    // [method, headers, verdict]
    ['GET', { 'if-modified-since': at(37) }, 'not-modified'],
    ['GET', { 'if-modified-since': at(38) }, 'not-modified'],
    ['GET', { 'if-modified-since': at(36) }, 'proceed'],
    ['HEAD', { 'if-modified-since': at(37) }, 'not-modified'],
    // Only for GET and HEAD (13.1.3).
    ['PUT', { 'if-modified-since': at(37) }, 'proceed'],
    // Not a date, or a list of them: ignored.
    ['GET', { 'if-modified-since': 'yesterday' }, 'proceed'],
    ['GET', { 'if-modified-since': `${at(37)}, ${at(38)}` }, 'proceed'],
    // If-None-Match wins over If-Modified-Since, either way.
    ['GET', { 'if-none-match': '"v0"', 'if-modified-since': at(40) }, 'proceed'],
    ['GET', { 'if-none-match': '"v1"', 'if-modified-since': at(10) }, 'not-modified'],
    ['PUT', { 'if-unmodified-since': at(37) }, 'proceed'],
    ['PUT', { 'if-unmodified-since': at(36) }, 'if-unmodified-since-failed'],
    ['DELETE', { 'if-unmodified-since': at(36) }, 'if-unmodified-since-failed'],
    ['GET', { 'if-unmodified-since': at(36) }, 'if-unmodified-since-failed'],
    ['PUT', { 'if-unmodified-since': 'soon' }, 'proceed'],
    // If-Match wins over If-Unmodified-Since, either way.
    ['PUT', { 'if-match': '"v1"', 'if-unmodified-since': at(1) }, 'proceed'],
    ['PUT', { 'if-match': '"v0"', 'if-unmodified-since': at(59) }, 'if-match-failed'],
  ] as const)('%s with %o: %s', (method, headers, verdict) => {
    expect(evaluatePreconditions(method, headers, tags, changed)).toBe(verdict);
  });

  test('without a modification date, date conditions are ignored', () => {
    const headers = { 'if-modified-since': at(59), 'if-unmodified-since': at(1) };
    expect(evaluatePreconditions('GET', headers, tags)).toBe('proceed');
    expect(evaluatePreconditions('PUT', headers, null)).toBe('proceed');
  });
});

describe('428 where a write must say what it changes', () => {
  test.each([
    ['PUT', {}],
    ['PATCH', {}],
    ['DELETE', {}],
    ['PUT', { 'if-unmodified-since': at(37) }],
    ['PUT', { 'if-none-match': '"v1"' }],
    ['DELETE', { 'if-none-match': '*' }],
  ] as const)('%s with %o is refused', (method, headers) => {
    expect(() => requirePrecondition(method, headers)).toThrow(
      expect.objectContaining({
        code: 'precondition-required',
        status: 428,
        message: expect.stringContaining('send its ETag in If-Match'),
      }),
    );
  });

  test.each([
    ['PUT', { 'if-match': '"v1"' }],
    ['PATCH', { 'if-match': '*' }],
    ['DELETE', { 'if-match': '"v1"' }],
    ['PUT', { 'if-none-match': ' * ' }],
  ] as const)('%s with %o may go on', (method, headers) => {
    expect(() => requirePrecondition(method, headers)).not.toThrow();
  });
});

forEachStore((start) =>
  describe('the notes API', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(() => server.close());

    let counter = 0;
    const token = () => `validators-token-${++counter}`.padEnd(24, 'x');
    const ask = (who: string, method: string, path: string, more: Record<string, string> = {}) =>
      rawRequest(server.url, method, path, {
        headers: {
          authorization: `Bearer ${who}`,
          'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
          ...more,
        },
        ...(['PUT', 'POST'].includes(method) ? { body: '{"title":"T","body":""}' } : {}),
        ...(method === 'PATCH' ? { body: '{"body":"b"}' } : {}),
      });

    test('a note has a Last-Modified to the second, no later than its Date; the list has none', async () => {
      const who = token();
      const before = Math.floor(Date.now() / 1000) * 1000;
      await ask(who, 'PUT', '/api/notes/a');
      const read = await ask(who, 'GET', '/api/notes/a');
      const modified = Date.parse(String(read.headers['last-modified']));
      expect(modified).toBeGreaterThanOrEqual(before);
      expect(modified).toBeLessThanOrEqual(Date.parse(String(read.headers.date)));
      const unchanged = await ask(who, 'GET', '/api/notes/a', {
        'if-modified-since': String(read.headers['last-modified']),
      });
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers['last-modified']).toBe(read.headers['last-modified']);
      expect((await ask(who, 'GET', '/api/notes')).headers['last-modified']).toBeUndefined();
    });

    test('a write older than If-Unmodified-Since gets 412, saying what to do', async () => {
      const who = token();
      await ask(who, 'PUT', '/api/notes/a');
      const stale = { 'if-unmodified-since': 'Sun, 06 Nov 1994 08:49:37 GMT' };
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const refused = await ask(who, method, '/api/notes/a', stale);
        expect(refused.status).toBe(412);
        expect(refused.json).toMatchObject({
          detail: expect.stringMatching(/^If-Unmodified-Since names a time before the note/),
        });
      }
    });

    test('/api/strict/notes: 428 for a write without If-Match, the same notes otherwise', async () => {
      const who = token();
      const created = await ask(who, 'PUT', '/api/strict/notes/a', { 'if-none-match': '*' });
      expect(created.status).toBe(201);
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const refused = await ask(who, method, '/api/strict/notes/a');
        expect(refused.status).toBe(428);
        expect(refused.headers['content-type']).toBe('application/problem+json');
      }
      const { etag } = (await ask(who, 'GET', '/api/notes/a')).headers;
      const patched = await ask(who, 'PATCH', '/api/strict/notes/a', { 'if-match': String(etag) });
      expect(patched.status).toBe(200);
      const posted = await ask(who, 'POST', '/api/strict/notes');
      expect([posted.status, posted.headers.location]).toEqual([201, 'notes/1']);
      const { etag: now } = (await ask(who, 'GET', '/api/strict/notes/a')).headers;
      expect(
        (await ask(who, 'DELETE', '/api/strict/notes/a', { 'if-match': String(now) })).status,
      ).toBe(204);
      // The plain notes API still takes a write without one.
      expect((await ask(who, 'DELETE', '/api/notes/1')).status).toBe(204);
    });
  }),
);
