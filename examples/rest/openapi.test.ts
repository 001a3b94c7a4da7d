import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { rawRequest } from '../../tests/support/raw-http.ts';
import { OPENAPI } from './openapi.ts';
import { PROBLEM_TYPE_BASE, PROBLEMS } from './problem.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// #region validate
test("the description is valid OpenAPI 3.1, by the specification's own schema", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(OPENAPI));
  expect(result).toEqual({ valid: true });
  expect(validator.version).toBe('3.1');
});
// #endregion validate

test('GET /api/openapi.json serves it; HEAD its fields; other methods 405', async () => {
  const got = await rawRequest(server.url, 'GET', '/api/openapi.json');
  expect([got.status, got.headers['content-type']]).toEqual([
    200,
    'application/json; charset=utf-8',
  ]);
  expect(got.json).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
  const head = await rawRequest(server.url, 'HEAD', '/api/openapi.json');
  expect([head.status, head.body]).toEqual([200, '']);
  const post = await rawRequest(server.url, 'POST', '/api/openapi.json');
  expect([post.status, post.headers['allow']]).toEqual([405, 'GET, HEAD']);
});

test('every problem in the catalogue is a type some response documents', () => {
  const text = JSON.stringify(OPENAPI.components.responses);
  const missing = Object.keys(PROBLEMS).filter(
    (code) => !text.includes(`"${PROBLEM_TYPE_BASE}${code}"`),
  );
  expect(missing).toEqual([]);
});

test('every operation that needs the token documents 401, and those that do not say so', () => {
  const operations = Object.entries(OPENAPI.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== 'parameters')
      .map(([method, operation]) => ({ path, method, ...(operation as { responses: object }) })),
  );
  const open = operations.filter((o) => 'security' in o).map((o) => `${o.method} ${o.path}`);
  const unprotected = operations.filter((o) => !('security' in o) && !('401' in o.responses));
  expect(unprotected).toEqual([]);
  expect(open).toEqual([
    'options /api/notes',
    'options /api/notes/{id}',
    'options /api/strict/notes',
    'options /api/strict/notes/{id}',
    'options /api/cached/notes',
    'options /api/cached/notes/{id}',
    'get /api/openapi.json',
    'head /api/openapi.json',
  ]);
});
