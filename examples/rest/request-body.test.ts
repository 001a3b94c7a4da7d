import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import type { Problem } from './problem.ts';
import { checkContentType, parseJson, readBody } from './request-body.ts';

/** A request body as node:http would stream it. */
function request(chunks: string[], headers: Record<string, string> = {}) {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), {
    headers,
  }) as unknown as IncomingMessage;
}

test.each([
  'application/json',
  'Application/JSON',
  'application/json; charset=utf-8',
  'application/json;charset="UTF-8"',
])('Content-Type %j is JSON', (type) => {
  expect(() => checkContentType(type, 'application/json')).not.toThrow();
});

test.each([
  [undefined, 'no Content-Type'],
  ['text/plain', '"text/plain"'],
  ['application/json; charset=latin1', '"application/json; charset=latin1"'],
  ['application/jsonx', '"application/jsonx"'],
])('Content-Type %j gets 415 with Accept', (type, sent) => {
  try {
    checkContentType(type, 'application/json');
    expect.unreachable();
  } catch (error) {
    const problem = error as Problem;
    expect(problem).toMatchObject({ status: 415, headers: { accept: 'application/json' } });
    expect(problem.message).toBe(
      `This request needs a body of type application/json, and it sent ${sent}. ` +
        'Set Content-Type: application/json.',
    );
  }
});

test('a patch of the wrong type names what is taken in Accept-Patch (RFC 5789, 2.2)', () => {
  try {
    checkContentType('application/json', 'application/merge-patch+json', 'accept-patch');
    expect.unreachable();
  } catch (error) {
    expect(error).toMatchObject({
      status: 415,
      headers: { 'accept-patch': 'application/merge-patch+json' },
    });
    expect((error as Problem).headers).not.toHaveProperty('accept');
  }
});

test('a body up to the limit is read whole', async () => {
  expect((await readBody(request(['ab', 'cd']), 4)).toString()).toBe('abcd');
});

test('a declared length over the limit is refused before anything is read', async () => {
  const req = request(['x'], { 'content-length': '5000' });
  await expect(readBody(req, 4)).rejects.toMatchObject({
    status: 413,
    message: 'The body is 5000 bytes; this API takes at most 4 bytes. Send a shorter note.',
  });
  expect(req.readableDidRead).toBe(false);
});

test('an undeclared length is counted as it streams and refused at the first byte too many', async () => {
  await expect(readBody(request(['ab', 'cd', 'e', 'never read']), 4)).rejects.toMatchObject({
    status: 413,
    message: 'The body is over 4 bytes; this API takes at most 4 bytes. Send a shorter note.',
  });
});

test('JSON that does not parse gets 400 saying where', () => {
  expect(parseJson(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
  expect(() => parseJson(Buffer.from('{"title":'))).toThrow(
    /^The body is not valid JSON \(.+\)\. Send an object such as/,
  );
  expect(() => parseJson(Buffer.from(''))).toThrow(/not valid JSON/);
  expect(() => parseJson(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(
    'The body is not valid UTF-8, so it cannot be JSON.',
  );
});
