// Conditional requests: an entity tag (ETag) names one version of a
// representation, and a client makes a request depend on it.
//
// - `If-None-Match` on a GET: "send it only if it changed"; an
//   unchanged representation costs a 304 Not Modified with no body.
// - `If-Match` on a write: "change it only if it is still the version
//   I read"; otherwise 412 Precondition Failed, and nobody's update is
//   silently lost.
//
// Both have older counterparts that compare dates instead of tags, to
// the second, with the Last-Modified a GET sent: If-Modified-Since
// and If-Unmodified-Since.
//
// All are decided here, without I/O: validators in, a verdict out.

import { createHash } from 'node:crypto';
import { parseHttpDate } from './http-date.ts';
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

/** What the preconditions decide. */
export type Verdict =
  | 'proceed'
  | 'not-modified'
  | 'if-match-failed'
  | 'if-unmodified-since-failed'
  | 'if-none-match-failed';

/** The four headers, as node:http names them. */
export interface Conditions {
  'if-match'?: string | undefined;
  'if-none-match'?: string | undefined;
  'if-modified-since'?: string | undefined;
  'if-unmodified-since'?: string | undefined;
}

// #region evaluate
/**
 * Evaluates the preconditions in the order of RFC 9110 section
 * 13.2.2: If-Match, or else If-Unmodified-Since; then If-None-Match,
 * or else If-Modified-Since. `current` holds the tags of what exists
 * now, or is null when there is nothing at this URI yet;
 * `lastModified` is when it last changed, in ms, if that is known.
 */
export function evaluatePreconditions(
  method: string,
  headers: Conditions,
  current: string[] | null,
  lastModified?: number,
): Verdict {
  const ifMatch = headers['if-match'];
  const ifNoneMatch = headers['if-none-match'];
  const safe = method === 'GET' || method === 'HEAD';
  if (ifMatch !== undefined) {
    // Strong comparison: a write needs the exact bytes the client saw.
    const tags = parseEntityTags(ifMatch);
    const ok =
      tags === '*'
        ? current !== null
        : tags.some((t) => !t.weak && current?.includes(t.opaque));
    if (!ok) return 'if-match-failed';
  } else if (changedSince(headers['if-unmodified-since'], lastModified)) {
    return 'if-unmodified-since-failed';
  }
  if (ifNoneMatch === undefined) {
    const since = headers['if-modified-since'];
    if (safe && changedSince(since, lastModified) === false) {
      return 'not-modified';
    }
  } else {
    // Weak comparison: for "has it changed?" W/"x" and "x" agree.
    const tags = parseEntityTags(ifNoneMatch);
    const matched =
      tags === '*'
        ? current !== null
        : tags.some((t) => current?.includes(t.opaque));
    if (matched) return safe ? 'not-modified' : 'if-none-match-failed';
  }
  return 'proceed';
}
// #endregion evaluate

// #region dates
/**
 * Whether the resource changed after the date in `field`, compared in
 * whole seconds, the resolution of an HTTP date; undefined, so that
 * the field is ignored, without a valid date or a modification date
 * to compare (13.1.3, 13.1.4).
 */
function changedSince(field: string | undefined, lastModified?: number) {
  const date = field === undefined ? undefined : parseHttpDate(field.trim());
  if (date === undefined || lastModified === undefined) return undefined;
  return Math.floor(lastModified / 1000) * 1000 > date;
}
// #endregion dates

// #region refuse
/** The verdict, with a failed precondition thrown as a 412. */
export function checkPreconditions(
  method: string,
  headers: Conditions,
  current: string[] | null,
  lastModified?: number,
): 'proceed' | 'not-modified' {
  const verdict = evaluatePreconditions(method, headers, current, lastModified);
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
  if (verdict === 'if-unmodified-since-failed') {
    throw new Problem(
      'precondition-failed',
      'If-Unmodified-Since names a time before the note last changed. ' +
        'GET it again for its new Last-Modified, or better its ETag, ' +
        'reapply your change, and send that.',
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

// #region require
/**
 * For an API that will not risk a lost update: a PUT, PATCH or DELETE
 * must name the version it changes in If-Match, or for a PUT that
 * creates, say with If-None-Match: * that there is none. Without one,
 * 428 Precondition Required (RFC 6585, section 3), saying what to
 * send. A date will not do: two changes within a second share one.
 */
export function requirePrecondition(method: string, headers: Conditions) {
  if (headers['if-match'] !== undefined) return;
  const creating = method === 'PUT' && headers['if-none-match']?.trim() === '*';
  if (creating) return;
  throw new Problem(
    'precondition-required',
    `This API refuses a ${method} that does not say which version of ` +
      'the note it changes. GET the note and send its ETag in ' +
      'If-Match; to create a note with PUT, send If-None-Match: * ' +
      'instead.',
  );
}
// #endregion require
