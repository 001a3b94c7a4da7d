import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { newToken, notesClient } from './client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const randomUUID = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
afterEach(() => {
  if (randomUUID) Object.defineProperty(crypto, 'randomUUID', randomUUID);
});

test('a token is a random UUID, or 32 random hex digits where there is none', () => {
  expect(newToken()).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(newToken()).not.toBe(newToken());
  // A page served over plain http from another host has no randomUUID.
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  expect(newToken()).toMatch(/^[0-9a-f]{32}$/);
});

test('an exchange prints as HTTP writes it; tokens stay off the page, long parts are cut', async () => {
  const result = await runInNode(async (io) => {
    const request = notesClient(io, newToken());
    const reply = await request('PUT', '/api/notes/x', {
      json: { title: 'T', body: 'b'.repeat(500) },
      headers: { 'if-none-match': '*' },
      show: ['content-type', 'www-authenticate', 'x-not-there'],
    });
    io.log(reply.status, reply.headers.get('content-type'));
    await notesClient(io, null)('GET', '/api/notes', { show: ['www-authenticate'] });
  }, server.url);
  expect(result.text[0]).toBe(
    'sent PUT /api/notes/x\nContent-Type: application/json\nIf-None-Match: *\n\n' +
      `{"title":"T","body":"${'b'.repeat(379)}… (123 more characters)`,
  );
  expect(result.text[1]).toMatch(
    /^received 201 Created\nContent-Type: application\/json\n\n\{"id":"x","title":"T","body":"b+… \(132 more characters\)$/,
  );
  expect(result.text[2]).toBe('info 201 application/json');
  expect(result.text[4]).toMatch(
    /^received 401 Unauthorized\nWWW-Authenticate: Bearer realm="notes"\n\n\{/,
  );
  const sent = result.text.filter((line) => line.startsWith('sent'));
  expect(sent.join('\n')).not.toMatch(/Authorization/);
});
