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
  /** What each refusal goes on to say after why, by its code. */
  const advice = {
    'bad-path': 'Name a note by its id alone, as in /api/notes/groceries.',
    'bad-id': 'An id has 1 to 64 letters, digits, "-" or "_", as in /api/notes/groceries.',
    'no-such-resource': 'The notes are at /api/notes, and each note at /api/notes/{id}.',
    'url-too-long': 'Put long data in the body, not the URL.',
  };
  const x65 = 'x'.repeat(65);
  test.each([
    [
      '/api/notes/../secret',
      'bad-path',
      'The path /api/notes/../secret has a "." or ".." segment.',
    ],
    ['/api/notes/..', 'bad-path', 'The path /api/notes/.. has a "." or ".." segment.'],
    ['/api/notes/%2e%2e', 'bad-path', 'The path /api/notes/%2e%2e has a "." or ".." segment.'],
    ['/api/notes/.', 'bad-path', 'The path /api/notes/. has a "." or ".." segment.'],
    ['/api/notes/a%2Fb', 'bad-path', 'The path /api/notes/a%2Fb hides a slash as %2F or %5C.'],
    [
      '/api/notes/..%2f..%2fetc',
      'bad-path',
      'The path /api/notes/..%2f..%2fetc hides a slash as %2F or %5C.',
    ],
    ['/api/notes/a%5cb', 'bad-path', 'The path /api/notes/a%5cb hides a slash as %2F or %5C.'],
    ['/api/notes/a\\b', 'bad-path', 'The path /api/notes/a\\b has a backslash.'],
    [
      '/api/notes/%zz',
      'bad-path',
      'The path /api/notes/%zz has a "%" that is not followed by two hex digits.',
    ],
    ['/api/notes/has%20space', 'bad-id', '"has space" is not a note id.'],
    [`/api/notes/${x65}`, 'bad-id', `"${x65}" is not a note id.`],
    ['/api/notes/a/b', 'no-such-resource', 'Nothing is at /api/notes/a/b.'],
    ['/api/notes/', 'no-such-resource', 'Nothing is at /api/notes/.'],
    ['/api/note', 'no-such-resource', 'Nothing is at /api/note.'],
    ['/api', 'no-such-resource', 'Nothing is at /api.'],
    ['//api/notes', 'no-such-resource', 'Nothing is at //api/notes.'],
    [
      'http://evil.example/api/notes',
      'no-such-resource',
      'Nothing is at http://evil.example/api/notes.',
    ],
    [
      `/api/notes/${'x'.repeat(2040)}`,
      'url-too-long',
      'The URL has 2051 bytes; this API reads at most 2048.',
    ],
  ] as const)('%s → %s', (url, code, why) => {
    let problem: Problem | undefined;
    try {
      parse(url);
    } catch (error) {
      problem = error as Problem;
    }
    expect(problem?.code).toBe(code);
    expect(problem?.message).toBe(`${why} ${advice[code]}`);
  });
});
