// Resources are named by URIs: `/api/notes` is the collection, and
// `/api/notes/{id}` is one note. This reads a request's target and says
// which resource it names, or why it names none.
//
// It reads the path exactly as the client sent it, because decoding
// first is how path tricks get through: `%2F` would become a slash and
// `%2e%2e` a step up. Both are refused, with 400, before anything else.

import { Problem } from './problem.ts';

// #region target
/** What a request's target names. */
export interface Target {
  /** The path without its query, e.g. "/api/notes/groceries". */
  path: string;
  /** The note's id, or undefined for the collection. */
  id: string | undefined;
}

/** What a note id may look like: letters, digits, `-` and `_`. */
export const ID = /^[A-Za-z0-9_-]{1,64}$/;
// #endregion target

// #region parse
/**
 * The resource that `url` (the request line's target) names, under
 * `base` ("/api/notes" for the origin). Throws a Problem for a target
 * that is too long (414), tricky (400) or names nothing here (404).
 */
export function parseTarget(
  url: string,
  base: string,
  maxUrlBytes: number,
): Target {
  const bytes = Buffer.byteLength(url);
  if (bytes > maxUrlBytes) {
    throw new Problem(
      'url-too-long',
      `The URL has ${bytes} bytes; this API reads at most ` +
        `${maxUrlBytes}. Put long data in the body, not the URL.`,
      { extensions: { limit: maxUrlBytes } },
    );
  }
  const path = url.split('?', 1)[0]!;
  const segments = path.split('/').map((raw) => segment(raw, path));
  const known = base.split('/');
  const within =
    path.startsWith('/') &&
    known.every((name, i) => segments[i] === name) &&
    segments.length <= known.length + 1;
  if (!within) throw noSuchResource(path, base);
  const id = segments[known.length];
  if (id === undefined) return { path, id: undefined };
  if (id === '') throw noSuchResource(path, base);
  if (!ID.test(id)) {
    throw new Problem(
      'bad-id',
      `"${id}" is not a note id. An id has 1 to 64 letters, digits, ` +
        '"-" or "_", as in /api/notes/groceries.',
    );
  }
  return { path, id };
}
// #endregion parse

// #region segment
/** One path segment, decoded, unless it is a trick. */
function segment(raw: string, path: string): string {
  const refuse = (why: string) =>
    new Problem(
      'bad-path',
      `The path ${path} ${why}. Name a note by ` +
        'its id alone, as in /api/notes/groceries.',
    );
  if (/%2f|%5c/i.test(raw)) throw refuse('hides a slash as %2F or %5C');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw refuse('has a "%" that is not followed by two hex digits');
  }
  if (decoded === '.' || decoded === '..') {
    throw refuse('has a "." or ".." segment');
  }
  if (decoded.includes('\\')) throw refuse('has a backslash');
  return decoded;
}
// #endregion segment

function noSuchResource(path: string, base: string) {
  return new Problem(
    'no-such-resource',
    `Nothing is at ${path}. The notes are at ${base}, and each note ` +
      `at ${base}/{id}.`,
  );
}
