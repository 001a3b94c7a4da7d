import { describe, expect, test } from 'vitest';
import type { Problem } from './problem.ts';
import { parseTarget } from './resource-path.ts';

const parse = (url: string) => parseTarget(url, '/api/notes', 2048);

test.each([
  ['/api/notes', { path: '/api/notes', id: undefined }],
  ['/api/notes?sort=title', { path: '/api/notes', id: undefined }],
  ['/api/notes/groceries', { path: '/api/notes/groceries', id: 'groceries' }],
  ['/api/notes/A-1_b', { path: '/api/notes/A-1_b', id: 'A-1_b' }],
  ['/api/notes/%61bc', { path: '/api/notes/%61bc', id: 'abc' }],
])('%s names %o', (url, target) => {
  expect(parse(url)).toEqual(target);
});

describe('targets that name nothing, or try tricks, are refused', () => {
  test.each([
    ['/api/notes/../secret', 'bad-path', 'has a "." or ".." segment'],
    ['/api/notes/..', 'bad-path', 'has a "." or ".." segment'],
    ['/api/notes/%2e%2e', 'bad-path', 'has a "." or ".." segment'],
    ['/api/notes/.', 'bad-path', 'has a "." or ".." segment'],
    ['/api/notes/a%2Fb', 'bad-path', 'hides a slash as %2F'],
    ['/api/notes/..%2f..%2fetc', 'bad-path', 'hides a slash as %2F'],
    ['/api/notes/a%5cb', 'bad-path', 'hides a slash as %2F or %5C'],
    ['/api/notes/a\\b', 'bad-path', 'has a backslash'],
    ['/api/notes/%zz', 'bad-path', 'not followed by two hex digits'],
    ['/api/notes/has%20space', 'bad-id', '"has space" is not a note id'],
    [`/api/notes/${'x'.repeat(65)}`, 'bad-id', 'is not a note id'],
    ['/api/notes/a/b', 'no-such-resource', 'Nothing is at /api/notes/a/b'],
    ['/api/notes/', 'no-such-resource', 'Nothing is at /api/notes/'],
    ['/api/note', 'no-such-resource', 'The notes are at /api/notes'],
    ['/api', 'no-such-resource', 'Nothing is at /api.'],
    ['//api/notes', 'no-such-resource', 'Nothing is at //api/notes'],
    ['http://evil.example/api/notes', 'no-such-resource', 'Nothing is at'],
    [`/api/notes/${'x'.repeat(2040)}`, 'url-too-long', 'this API reads at most 2048'],
  ])('%s → %s', (url, code, detail) => {
    let problem: Problem | undefined;
    try {
      parse(url);
    } catch (error) {
      problem = error as Problem;
    }
    expect(problem?.code).toBe(code);
    expect(problem?.message).toContain(detail);
  });
});
