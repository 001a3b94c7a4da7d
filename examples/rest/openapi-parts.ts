// The pieces the notes API's OpenAPI description (openapi.ts) is made
// of: the schemas of what travels, the header fields, and one response
// a problem code. Each is made from the code that answers, not copied
// from it: the problem catalogue, the media types, the id's pattern
// and the title's length are the ones the server checks.

import { MAX_TITLE } from './note-fields.ts';
import { CACHE_CONTROL } from './notes.ts';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, PROBLEMS } from './problem.ts';
import { MEDIA_TYPES } from './representations.ts';
import { ID } from './resource-path.ts';

/** A JSON Schema (2020-12), the dialect OpenAPI 3.1 uses. */
export type Schema = Record<string, unknown>;

const text = { type: 'string' };

// #region schemas
/** What travels: a note, the list, and a problem document. */
export const SCHEMAS = {
  // #region note
  Note: {
    type: 'object',
    required: ['id', 'title', 'body'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: ID.source },
      title: { type: 'string', minLength: 1, maxLength: MAX_TITLE },
      body: text,
    },
  },
  // #endregion note
  /** What POST and PUT take: a note, its id optional. */
  NoteFields: {
    type: 'object',
    required: ['title', 'body'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: ID.source },
      title: { type: 'string', minLength: 1, maxLength: MAX_TITLE },
      body: text,
    },
    examples: [{ title: 'Milk', body: 'Two litres.' }],
  },
  /** A JSON merge patch (RFC 7396): the members to change. */
  NotePatch: {
    type: 'object',
    properties: { title: text, body: text },
    examples: [{ body: 'Three litres.' }],
  },
  NoteList: {
    type: 'object',
    required: ['notes'],
    additionalProperties: false,
    properties: {
      notes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'title', 'href'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: ID.source },
            title: text,
            href: { type: 'string', format: 'uri-reference' },
          },
        },
      },
    },
  },
  /** RFC 9457: the four members, and any extension members. */
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri-reference' },
      title: text,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: text,
    },
  },
  LayerCounters: {
    type: 'object',
    required: ['hit', 'revalidated', 'miss', 'pass', 'reachedOrigin'],
    additionalProperties: false,
    properties: Object.fromEntries(
      ['hit', 'revalidated', 'miss', 'pass', 'reachedOrigin'].map((name) => [
        name,
        { type: 'integer', minimum: 0 },
      ]),
    ),
  },
} satisfies Record<string, Schema>;
// #endregion schemas

/** A header field a response carries; `required` when it always does. */
function field(description: string, required = true, schema: Schema = text) {
  return { description, required, schema };
}

// #region headers
/** The response header fields, by the name the description uses. */
export const HEADERS = {
  ETag: field('The validator of this representation (RFC 9110, 8.8.3).'),
  Location: field('The new note, relative to the request URI.'),
  CacheControlNote: field('How caches may keep a note.', true, {
    const: CACHE_CONTROL.note,
  }),
  CacheControlList: field('How caches may keep the list.', true, {
    const: CACHE_CONTROL.collection,
  }),
  Vary: field('The request fields the representation depends on.'),
  LastModified: field(
    'When the note last changed, to the second (RFC 9110, 8.8.2).',
  ),
  Link: field(
    'The next page, rel="next" (RFC 8288); none on the last page.',
    false,
  ),
  Allow: field('The methods this resource allows.'),
  AllowOnOptions: field(
    'The methods this resource allows; a CORS preflight gets ' +
      'Access-Control-Allow-Methods instead.',
    false,
  ),
  AcceptPatchOnOptions: field(
    'The patch format PATCH takes, unless a preflight.',
    false,
  ),
  AllowMethods: field(
    'On a CORS preflight: the methods a page may send.',
    false,
  ),
  AllowHeaders: field(
    'On a CORS preflight: the fields a page may send.',
    false,
  ),
  AcceptPatch: field('The patch format PATCH takes (RFC 5789, 3.1).'),
  AcceptBody: field('The media type the body must have.', false),
  WWWAuthenticate: field('The scheme to authenticate with (RFC 6750).'),
  RateLimitPolicy: field(
    'The quota: "default";q=<requests>;w=<seconds> ' +
      '(draft-ietf-httpapi-ratelimit-headers, section 3).',
  ),
  RateLimit: field(
    'What is left of it: "default";r=<requests>;t=<seconds> (section 4).',
  ),
  RetryAfter: field(
    'Seconds to wait before the next request (RFC 9110, 10.2.3).',
  ),
  XCache: field('What the caching layer did.', true, {
    enum: ['hit', 'revalidated', 'miss', 'pass'],
  }),
};
// #endregion headers

/** A reference to a component, by kind and name. */
export function ref(kind: string, name: string) {
  return { $ref: `#/components/${kind}/${name}` };
}

/** The header references a response lists, by their names above. */
export function headers(...names: (keyof typeof HEADERS)[]) {
  return Object.fromEntries(
    names.map((name) => [headerName(name), ref('headers', name)]),
  );
}

/** "CacheControlNote" is the field Cache-Control. */
function headerName(name: keyof typeof HEADERS) {
  const fields: Partial<Record<keyof typeof HEADERS, string>> = {
    CacheControlNote: 'Cache-Control',
    CacheControlList: 'Cache-Control',
    AcceptPatch: 'Accept-Patch',
    AllowOnOptions: 'Allow',
    LastModified: 'Last-Modified',
    AcceptPatchOnOptions: 'Accept-Patch',
    AllowMethods: 'Access-Control-Allow-Methods',
    AllowHeaders: 'Access-Control-Allow-Headers',
    AcceptBody: 'Accept',
    WWWAuthenticate: 'WWW-Authenticate',
    XCache: 'X-Cache',
    RateLimitPolicy: 'RateLimit-Policy',
    RateLimit: 'RateLimit',
    RetryAfter: 'Retry-After',
  };
  return fields[name] ?? name;
}

/** A representation in every media type the API makes. */
export function representations(jsonSchema: string) {
  return Object.fromEntries(
    MEDIA_TYPES.map((type) => [
      type,
      {
        schema: type === 'application/json' ? ref('schemas', jsonSchema) : text,
      },
    ]),
  );
}

// #region problems
/** The fields a refusal's status calls for. */
const PROBLEM_HEADERS: Record<number, Record<string, unknown>> = {
  401: headers('WWWAuthenticate'),
  405: headers('Allow'),
  429: headers('RetryAfter', 'RateLimitPolicy', 'RateLimit'),
  415: {
    ...headers('AcceptBody'),
    'Accept-Patch': field('The patch format, when a PATCH was refused.', false),
  },
};

/**
 * The response for a status the API refuses with: a problem document
 * whose `type` is one of the catalogue's codes for that status, so a
 * code the description does not know fails the tests.
 */
export function problemResponse(status: number) {
  const codes = Object.entries(PROBLEMS)
    .filter(([, problem]) => problem.status === status)
    .map(([code]) => code);
  const schema = {
    type: 'object',
    allOf: [ref('schemas', 'Problem')],
    properties: {
      type: { enum: codes.map((code) => PROBLEM_TYPE_BASE + code) },
      status: { const: status },
    },
  };
  const titles = codes.map(
    (code) => PROBLEMS[code as keyof typeof PROBLEMS].title,
  );
  return {
    description: titles.join('; '),
    headers: PROBLEM_HEADERS[status] ?? {},
    content: { [PROBLEM_MEDIA_TYPE]: { schema } },
  };
}
// #endregion problems

/** Every status the catalogue has, for components.responses. */
export function problemResponses() {
  const statuses = [...new Set(Object.values(PROBLEMS).map((p) => p.status))];
  return Object.fromEntries(
    statuses.map((status) => [`Problem${status}`, problemResponse(status)]),
  );
}
