// Conditional requests: an entity tag (ETag) names one version of a
// representation, and a client makes a request depend on it.
//
// - `If-None-Match` on a GET: "send it only if it changed"; an
//   unchanged representation costs a 304 Not Modified with no body.
// - `If-Match` on a write: "change it only if it is still the version
//   I read"; otherwise 412 Precondition Failed, and nobody's update is
//   silently lost.
//
// Both are decided here, without I/O: tags in, a verdict out.

import { createHash } from 'node:crypto';
import { Problem } from './problem.ts';

// #region etag
/**
 * A strong entity tag for a representation: a hash of its bytes. Two
 * representations share a tag only if they are byte for byte equal,
 * so JSON and HTML of one note have different tags, as they must.
 */
export function entityTag(representation: string): string {
  const hash = createHash('sha256').update(representation);
  return `"${hash.digest('base64url').slice(0, 16)}"`;
}
// #endregion etag

/** An entity tag from a header: its opaque part and whether weak. */
export interface EntityTag {
  weak: boolean;
  opaque: string;
}

// #region parse
const TAG = /^\s*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(?:,|$)/;

/** The tags of an If-Match or If-None-Match value, or "*" for any. */
export function parseEntityTags(value: string): '*' | EntityTag[] {
  if (value.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  let rest = value;
  while (rest.trim() !== '') {
    const match = TAG.exec(rest);
    // A list that stops parsing is cut there: what could not be
    // read cannot match, which fails safe for If-Match.
    if (!match) break;
    tags.push({ weak: match[1] !== undefined, opaque: match[2]! });
    rest = rest.slice(match[0].length);
  }
  return tags;
}
// #endregion parse

// #region evaluate
/** What the preconditions decide. */
export type Verdict =
  | 'proceed'
  | 'not-modified'
  | 'if-match-failed'
  | 'if-none-match-failed';

/** The two headers, as node:http names them. */
export interface Conditions {
  'if-match'?: string | undefined;
  'if-none-match'?: string | undefined;
}

/**
 * Evaluates If-Match, then If-None-Match, as RFC 9110 section 13.2.2
 * orders them. `current` holds the tags of what exists now, or is
 * null when there is nothing at this URI yet.
 */
export function evaluatePreconditions(
  method: string,
  headers: Conditions,
  current: string[] | null,
): Verdict {
  const ifMatch = headers['if-match'];
  const ifNoneMatch = headers['if-none-match'];
  if (ifMatch !== undefined) {
    // Strong comparison: a write needs the exact bytes the client saw.
    const tags = parseEntityTags(ifMatch);
    const ok =
      tags === '*'
        ? current !== null
        : tags.some((t) => !t.weak && current?.includes(t.opaque));
    if (!ok) return 'if-match-failed';
  }
  if (ifNoneMatch !== undefined) {
    // Weak comparison: for "has it changed?" W/"x" and "x" agree.
    const tags = parseEntityTags(ifNoneMatch);
    const matched =
      tags === '*'
        ? current !== null
        : tags.some((t) => current?.includes(t.opaque));
    if (matched) {
      const safe = method === 'GET' || method === 'HEAD';
      return safe ? 'not-modified' : 'if-none-match-failed';
    }
  }
  return 'proceed';
}
// #endregion evaluate

// #region refuse
/** The verdict, with a failed precondition thrown as a 412. */
export function checkPreconditions(
  method: string,
  headers: Conditions,
  current: string[] | null,
): 'proceed' | 'not-modified' {
  const verdict = evaluatePreconditions(method, headers, current);
  if (verdict === 'if-match-failed' && current === null) {
    throw new Problem(
      'precondition-failed',
      'If-Match names a version of a note, and there is no note ' +
        'here. Leave If-Match out to create one.',
    );
  }
  if (verdict === 'if-match-failed') {
    throw new Problem(
      'precondition-failed',
      'If-Match names a version that is not the current one: the ' +
        'note changed since you read it. GET it again for its new ' +
        'ETag, reapply your change, and send that ETag.',
    );
  }
  if (verdict === 'if-none-match-failed') {
    throw new Problem(
      'precondition-failed',
      'If-None-Match matched: the note exists, and this request ' +
        'asked to go ahead only if it did not.',
    );
  }
  return verdict;
}
// #endregion refuse
