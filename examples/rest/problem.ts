// Errors as problem details (RFC 9457): everything the notes API can
// refuse, in one catalogue, each with its status code.
//
// A status code says which kind of trouble a request is in; it cannot
// say what to fix. A problem document can. It is JSON, sent as
// `application/problem+json`, with a `type` (a URI naming the problem,
// here a link to the page that explains it), a `title` for that type,
// the `status`, and a `detail` about this one request, written for the
// person who has to fix it. Extra members may add facts, such as the
// media types a 406 could have had.

import type { ServerResponse } from 'node:http';

// #region catalogue
/** What the notes API refuses, by stable code: the client's errors. */
const CLIENT_ERRORS = {
  'bad-path': { status: 400, title: 'The path is not allowed' },
  'bad-id': { status: 400, title: 'The note id is not valid' },
  'malformed-json': { status: 400, title: 'The body is not JSON' },
  'missing-token': { status: 401, title: 'A bearer token is required' },
  'invalid-token': { status: 401, title: 'The token is not valid' },
  'no-such-note': { status: 404, title: 'No such note' },
  'no-such-resource': { status: 404, title: 'No such resource' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'No acceptable format' },
  'too-many-notes': { status: 409, title: 'Too many notes' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'body-too-large': { status: 413, title: 'The body is too large' },
  'url-too-long': { status: 414, title: 'The URL is too long' },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
  },
  'invalid-note': { status: 422, title: 'The body is not a note' },
} as const;
// #endregion catalogue

// #region production
/**
 * What the API refuses once it is run for many clients: pages
 * (docs/rest/pagination), retries (docs/rest/retries), writes that do
 * not say what they change (docs/rest/conditional-requests), and
 * rates (docs/rest/rate-limits).
 */
const PRODUCTION_ERRORS = {
  'bad-limit': { status: 400, title: 'The page size is not allowed' },
  'bad-cursor': { status: 400, title: 'The cursor was not issued here' },
  'bad-offset': { status: 400, title: 'The offset is not valid' },
  'bad-idempotency-key': {
    status: 400,
    title: 'The Idempotency-Key is not valid',
  },
  'idempotency-key-in-flight': {
    status: 409,
    title: 'A request with this Idempotency-Key is outstanding',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was used with another body',
  },
  'precondition-required': { status: 428, title: 'Precondition required' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
} as const;
// #endregion production

// #region gateway
/**
 * The caching layer's own two: no valid answer from the origin
 * (RFC 9110, 15.6.3), or none in time (15.6.5).
 */
const GATEWAY_ERRORS = {
  'origin-unreachable': {
    status: 502,
    title: 'No valid answer from the origin',
  },
  'origin-timeout': {
    status: 504,
    title: 'The origin did not answer in time',
  },
} as const;

/** Every problem there is, by its stable code. */
export const PROBLEMS = {
  ...CLIENT_ERRORS,
  ...PRODUCTION_ERRORS,
  ...GATEWAY_ERRORS,
};
// #endregion gateway

/** The stable code of a problem, e.g. "body-too-large". */
export type ProblemCode = keyof typeof PROBLEMS;

/**
 * Where each problem type is explained: the errors page. A site
 * hosted apart from the playground (README, Deployment) would make
 * this absolute, with the site's origin.
 */
export const PROBLEM_TYPE_BASE = '/rest/errors/#';

/** The media type of a problem document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem document, as RFC 9457 defines its members. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

// #region problem
/** A refused request: a code from the catalogue and what to fix. */
export class Problem extends Error {
  override name = 'Problem';
  readonly code: ProblemCode;
  readonly status: number;
  /** Headers the status calls for, such as Allow on a 405. */
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(
    code: ProblemCode,
    detail: string,
    more: {
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.code = code;
    this.status = PROBLEMS[code].status;
    this.headers = more.headers ?? {};
    this.extensions = more.extensions ?? {};
  }

  /** The document a client receives. */
  document(): ProblemDocument {
    return {
      // A relative URI with its full path, as RFC 9457 (3.1.1) asks
      // of one that is not absolute. It resolves against the API's
      // origin, which also serves this site when the playground does.
      type: PROBLEM_TYPE_BASE + this.code,
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.message,
      ...this.extensions,
    };
  }
}
// #endregion problem

// #region send
/** Writes a refusal: its status, its headers, and the document. */
export function sendProblem(res: ServerResponse, problem: Problem) {
  const body = JSON.stringify(problem.document());
  res.writeHead(problem.status, {
    ...problem.headers,
    'content-type': PROBLEM_MEDIA_TYPE,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
// #endregion send
