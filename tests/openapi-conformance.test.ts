// The checker every notes API answer passes through
// (tests/support/openapi-conformance.ts) refuses what the description
// does not document: each case below is one way an answer can drift.

import { expect, test } from 'vitest';
import { type Exchange, nonConformance } from './support/openapi-conformance.ts';

const note = '{"id":"n","title":"Milk","body":"Two litres."}';
const read: Exchange = {
  base: 'http://127.0.0.1:1',
  method: 'GET',
  target: '/api/notes/n',
  status: 200,
  headers: {
    'content-type': 'application/json',
    etag: '"abc"',
    'cache-control': 'max-age=0, s-maxage=60',
    vary: 'accept, authorization',
    'ratelimit-policy': '"default";q=600;w=60',
    ratelimit: '"default";r=599;t=1',
    'last-modified': 'Mon, 07 Dec 2026 17:00:00 GMT',
  },
  body: note,
};
const problem = (status: number, code: string) =>
  JSON.stringify({ type: `/rest/errors/#${code}`, title: 't', status, detail: 'd' });

test('a documented answer passes', () => {
  expect(nonConformance(read)).toEqual([]);
  expect(nonConformance({ ...read, method: 'HEAD', body: '' })).toEqual([]);
});

test('a status the operation does not document fails', () => {
  expect(nonConformance({ ...read, status: 418 })).toEqual([
    'GET /api/notes/n -> 418: status 418 is not documented for GET /api/notes/{id}',
  ]);
});

test('a body that breaks its schema fails, naming what broke', () => {
  const [error] = nonConformance({ ...read, body: '{"id":"n","title":""}' });
  expect(error).toMatch(/^GET \/api\/notes\/n -> 200: the body must have required property 'body'/);
  expect(error).toMatch(/must NOT have fewer than 1 characters/);
});

test('a required field missing, or with a value its schema refuses, fails', () => {
  const { etag: _, ...withoutEtag } = read.headers;
  expect(nonConformance({ ...read, headers: withoutEtag })).toEqual([
    'GET /api/notes/n -> 200: the field ETag is missing',
  ]);
  const cached = {
    ...read,
    target: '/api/cached/notes/n',
    headers: { ...read.headers, 'x-cache': 'maybe' },
  };
  expect(nonConformance(cached)).toEqual([
    'GET /api/cached/notes/n -> 200: X-Cache must be equal to one of the allowed values, not maybe',
  ]);
});

test('a media type the response does not list fails', () => {
  expect(
    nonConformance({ ...read, headers: { ...read.headers, 'content-type': 'image/png' } }),
  ).toEqual([
    'GET /api/notes/n -> 200: image/png is not among application/json, text/html, application/xml, text/plain',
  ]);
});

test('a problem of a type its status does not have fails', () => {
  const refused = {
    ...read,
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: problem(404, 'bad-id'),
  };
  expect(nonConformance({ ...refused, body: problem(404, 'no-such-note') })).toEqual([]);
  expect(nonConformance(refused)[0]).toMatch(
    /the body\/type must be equal to one of the allowed values/,
  );
});

test('a method the path lacks must be 405 with Allow naming the methods it has', () => {
  const deleted = { ...read, method: 'DELETE', target: '/api/notes', body: '' };
  const allow = 'GET, HEAD, POST, OPTIONS';
  expect(nonConformance({ ...deleted, status: 405, headers: { allow } })).toEqual([]);
  expect(nonConformance({ ...deleted, status: 405, headers: { allow: 'GET' } })).toEqual([
    'DELETE /api/notes -> 405: DELETE is not in the description; expected 405 with Allow: GET,HEAD,OPTIONS,POST',
  ]);
  expect(nonConformance({ ...deleted, status: 204, headers: {} })).toEqual([
    'DELETE /api/notes -> 204: not in the description, and not refused with 400, 404 or 414',
  ]);
});

test('a path the description lacks must be refused as a problem', () => {
  const elsewhere = { ...read, target: '/api/elsewhere', body: '' };
  const refused = {
    ...elsewhere,
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: problem(404, 'no-such-resource'),
  };
  expect(nonConformance(refused)).toEqual([]);
  expect(nonConformance({ ...elsewhere, status: 200 })).toEqual([
    'GET /api/elsewhere -> 200: not in the description, and not refused with 400, 404 or 414',
  ]);
});

test('a 429 must say when to come back, in Retry-After', () => {
  const limited = {
    ...read,
    status: 429,
    headers: {
      'content-type': 'application/problem+json',
      'ratelimit-policy': '"default";q=600;w=60',
      ratelimit: '"default";r=0;t=2',
    },
    body: problem(429, 'too-many-requests'),
  };
  expect(nonConformance(limited)).toEqual([
    'GET /api/notes/n -> 429: the field Retry-After is missing',
  ]);
  expect(
    nonConformance({ ...limited, headers: { ...limited.headers, 'retry-after': '2' } }),
  ).toEqual([]);
});
