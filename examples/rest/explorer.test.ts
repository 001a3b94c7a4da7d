import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import {
  fromOperation,
  fromPreset,
  OPERATIONS,
  operation,
  PRESETS,
  parseHeaders,
  send,
} from './explorer.ts';
import { OPENAPI } from './openapi.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('every preset, sent in order with a new token, gets its status', async () => {
  const token = crypto.randomUUID();
  let etag: string | null = null;
  const got = [];
  for (const preset of PRESETS) {
    const response = await send(server.url, fromPreset(preset, etag), token);
    etag = response.headers.find(([name]) => name === 'etag')?.[1] ?? etag;
    got.push([preset.label, response.status]);
    // Whole milliseconds, however long it took: speed is bench/'s to measure.
    expect(Number.isSafeInteger(response.milliseconds), `${response.milliseconds}`).toBe(true);
    expect(response.milliseconds).toBeGreaterThanOrEqual(0);
  }
  expect(got).toEqual(PRESETS.map((preset) => [preset.label, preset.status]));
});

test('there are presets for every section of the REST pages', () => {
  expect([...new Set(PRESETS.map((preset) => preset.section))]).toEqual([
    'Resources',
    'Representations',
    'Verbs',
    'Conditional requests',
    'Statelessness',
    'Layers',
    'Errors',
  ]);
});

test('{etag} becomes the last ETag seen, once there is one', () => {
  const preset = PRESETS.find((p) => p.headers?.includes('If-None-Match: {etag}'))!;
  expect(fromPreset(preset, '"abc"').headers).toBe('If-None-Match: "abc"');
  expect(fromPreset(preset, null).headers).toBe('If-None-Match: {etag}');
});

test("the operations are the description's, each with its method, path and parameters", () => {
  const described = Object.entries(OPENAPI.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => method !== 'parameters')
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(OPERATIONS.map((o) => `${o.method} ${o.path}`)).toEqual(described);
  expect(operation('notesPutNote')).toEqual({
    id: 'notesPutNote',
    method: 'PUT',
    path: '/api/notes/{id}',
    summary: 'Create or replace the note at this URI',
    headers: ['If-Match', 'If-None-Match', 'If-Unmodified-Since'],
    query: [],
    body: { type: 'application/json', example: '{"title":"Milk","body":"Two litres."}' },
  });
  expect(operation('notesListNotes').query).toEqual(['limit', 'cursor', 'offset']);
  expect(operation('notesCreateNote').headers).toContain('Idempotency-Key');
  expect(() => operation('nothing')).toThrow('The description has no operation "nothing".');
});

test('a request built from an operation: example id and body, typed as described', () => {
  expect(fromOperation(operation('notesPatchNote'))).toEqual({
    method: 'PATCH',
    path: '/api/notes/groceries',
    headers: 'Content-Type: application/merge-patch+json',
    body: '{"body":"Three litres."}',
  });
  const typed = fromOperation(operation('notesCreateNote'), {
    headers: 'content-type: text/plain',
    body: 'Milk',
  });
  expect([typed.headers, typed.body]).toEqual(['content-type: text/plain', 'Milk']);
  expect(fromOperation(operation('notesListNotes'))).toEqual({
    method: 'GET',
    path: '/api/notes',
    headers: '',
    body: '',
  });
});

test('each preset sends only headers its operation documents, and expects a documented status', () => {
  const undocumented = PRESETS.flatMap((preset) => {
    const op = operation(preset.operation);
    const item = OPENAPI.paths[op.path as keyof typeof OPENAPI.paths] as Record<
      string,
      { responses: object }
    >;
    const method = (preset.method ?? op.method).toLowerCase();
    const statuses = item[method] ? Object.keys(item[method].responses) : ['405'];
    const names = parseHeaders(preset.headers ?? '').map(([name]) => name);
    const extra = names.filter((name) => name !== 'Content-Type' && !op.headers.includes(name));
    const wrong = statuses.includes(String(preset.status)) ? [] : [`status ${preset.status}`];
    return [...extra, ...wrong].map((what) => `${preset.label}: ${what}`);
  });
  expect(undocumented).toEqual([]);
});

test('header lines are read as "Name: value", and a bad one is named', () => {
  expect(parseHeaders('If-Match: "x"\n\n  Accept :text/plain ')).toEqual([
    ['If-Match', '"x"'],
    ['Accept', 'text/plain'],
  ]);
  expect(() => parseHeaders('Accept: */*\nno colon here')).toThrow(
    'Header line 2 needs the form "Name: value".',
  );
});

test('the token goes out unless a preset says not, or the reader wrote their own', async () => {
  const request = {
    method: 'GET',
    path: '/api/notes',
    accept: '',
    headers: '',
    body: '',
    token: true,
  };
  expect((await send(server.url, request, crypto.randomUUID())).status).toBe(200);
  expect((await send(server.url, { ...request, token: false }, crypto.randomUUID())).status).toBe(
    401,
  );
  const own = { ...request, headers: 'Authorization: Bearer short' };
  expect((await send(server.url, own, crypto.randomUUID())).status).toBe(401);
});
