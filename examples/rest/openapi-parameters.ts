// The parameters of the notes API's OpenAPI description (openapi.ts):
// the note's id in the path, the page of the list in the query, and
// the fields a request may add, the preconditions (conditional.ts) and
// Idempotency-Key (idempotency.ts). Accept, Content-Type and
// Authorization are not among them: OpenAPI ignores header parameters
// by those names, which the media types and the security scheme say.

import { ref } from './openapi-parts.ts';

// #region parameters
/** Every parameter, by the name the description's components use. */
export const PARAMETERS = {
  NoteId: {
    name: 'id',
    in: 'path',
    required: true,
    description: 'The note: 1 to 64 letters, digits, "-" or "_".',
    schema: { type: 'string' },
    example: 'groceries',
  },
  Limit: {
    name: 'limit',
    in: 'query',
    description:
      "How many notes a page holds: 1 to the server's REST_PAGE_MAX; " +
      'without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.',
    schema: { type: 'integer', minimum: 1 },
    example: 2,
  },
  Cursor: {
    name: 'cursor',
    in: 'query',
    description:
      'Where the next page starts, as the Link rel="next" gave it. Opaque: ' +
      'one not issued here, for this token, gets 400 bad-cursor.',
    schema: { type: 'string' },
  },
  Offset: {
    name: 'offset',
    in: 'query',
    description:
      'Skip this many notes instead of a cursor: the old way, which skips or ' +
      'repeats notes when the list changes (docs/rest/pagination).',
    schema: { type: 'integer', minimum: 0 },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      "A key of the client's choosing, as a structured-field string: the " +
      'same key and body again get the first answer and create nothing; ' +
      'another body 422; while the first is still running, 409 ' +
      '(draft-ietf-httpapi-idempotency-key-header).',
    schema: { type: 'string' },
    example: '"4c1f0d2e-post-1"',
  },
  LoseResponse: {
    name: 'lose-response',
    in: 'query',
    description:
      'A demo switch (docs/rest/retries): the note is stored, and the answer ' +
      'never sent; the connection stays open until the client gives up.',
    schema: { type: 'string' },
  },
  IfModifiedSince: {
    name: 'If-Modified-Since',
    in: 'header',
    description:
      'An HTTP date: 304 unless the note changed after it. Ignored with ' +
      'If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).',
    schema: { type: 'string' },
    example: 'Mon, 07 Dec 2026 17:00:00 GMT',
  },
  IfUnmodifiedSince: {
    name: 'If-Unmodified-Since',
    in: 'header',
    description:
      'An HTTP date: go ahead only if the note has not changed since (else ' +
      '412). Ignored with If-Match, or when it is no valid date (13.1.4).',
    schema: { type: 'string' },
    example: 'Mon, 07 Dec 2026 17:00:00 GMT',
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description:
      'ETags of copies the client has (304 if one is current), or * ("only if there is none").',
    schema: { type: 'string' },
    example: '{etag}',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description:
      'The ETag the client read: go ahead only if it is still current (else 412).',
    schema: { type: 'string' },
    example: '{etag}',
  },
};
// #endregion parameters

/** Which page of the list (pagination.ts). */
export const pageParameters = [
  ref('parameters', 'Limit'),
  ref('parameters', 'Cursor'),
  ref('parameters', 'Offset'),
];
/** The preconditions a read may ask. */
export const conditionalRead = [
  ref('parameters', 'IfNoneMatch'),
  ref('parameters', 'IfMatch'),
  ref('parameters', 'IfModifiedSince'),
  ref('parameters', 'IfUnmodifiedSince'),
];
/** The preconditions a write may ask. */
export const conditionalWrite = [
  ref('parameters', 'IfMatch'),
  ref('parameters', 'IfNoneMatch'),
  ref('parameters', 'IfUnmodifiedSince'),
];
