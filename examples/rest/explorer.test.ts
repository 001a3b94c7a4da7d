import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { fromPreset, PRESETS, parseHeaders, send } from './explorer.ts';

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
