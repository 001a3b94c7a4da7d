// The notes API described in OpenAPI 3.1: every path, method,
// parameter, header field, status and body, as one JSON document that
// the playground serves at /api/openapi.json. A client learns the API
// from it without reading this code, a generator makes types from it
// (notes-api.d.ts), and the explorer builds its requests from it.
//
// It is a description, so it can drift from the server. Three things
// keep it honest: a validator checks that it is OpenAPI (openapi.test.ts),
// every response the notes tests receive is checked against it
// (tests/support/openapi-conformance.ts), and its pieces are made from
// the code that answers (openapi-parts.ts, openapi-parameters.ts).

import {
  conditionalRead,
  conditionalWrite,
  PARAMETERS,
  pageParameters,
} from './openapi-parameters.ts';
import {
  HEADERS,
  headers,
  problemResponses,
  ref,
  representations,
  SCHEMAS,
} from './openapi-parts.ts';

/** The refusals each kind of request can meet, by status. */
const REFUSALS = {
  any: [400, 414],
  token: [401, 429],
  read: [406, 412],
  write: [400, 406, 409, 412, 413, 415, 422],
  note: [404],
  strict: [428],
  precondition: [412],
};

/** The responses of an operation: its own, then its refusals. */
function responses(
  own: Record<string, unknown>,
  ...refusals: (keyof typeof REFUSALS)[]
) {
  const statuses = [...new Set(refusals.flatMap((kind) => REFUSALS[kind]))];
  const problems = statuses
    .sort((a, b) => a - b)
    .map((status) => [String(status), ref('responses', `Problem${status}`)]);
  // What needs the token needs the state kept for it, which may be in
  // another process (Redis), out of reach for a while.
  const unavailable = refusals.includes('token')
    ? { 503: ref('responses', 'Unavailable503') }
    : {};
  return { ...own, ...Object.fromEntries(problems), ...unavailable };
}

/**
 * 503: the playground, run as many instances, keeps the notes and
 * everything else a token leaves behind in a Redis they share; while
 * it is out of reach, a request that needs it is answered so.
 */
const UNAVAILABLE = {
  description: 'The shared state store is out of reach; try again later',
  headers: headers('RetryAfter'),
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'string' } },
      },
    },
  },
};

const maybeModified = { ...HEADERS.LastModified, required: false };

// #region reads
/** GET or HEAD of a representation, with its validator. */
function read(summary: string, schema: string, cache: keyof typeof HEADERS) {
  const list = schema === 'NoteList';
  const fields = headers(
    'ETag',
    cache,
    'Vary',
    ...(list ? (['Link'] as const) : (['LastModified'] as const)),
  );
  return {
    summary,
    parameters: list
      ? [...conditionalRead, ...pageParameters]
      : conditionalRead,
    responses: responses(
      {
        200: {
          description: summary,
          headers: fields,
          content: representations(schema),
        },
        304: {
          description: 'The copy the client has is current.',
          // RFC 9110 (15.4.5) asks a 304 for ETag, not Last-Modified.
          headers: list
            ? fields
            : { ...fields, 'Last-Modified': maybeModified },
        },
      },
      'any',
      'token',
      'read',
    ),
  };
}
// #endregion reads

/**
 * OPTIONS: the methods, and for a note the patch format. The same
 * method is a browser's CORS preflight, answered before the API: 204
 * with what a page may send, or 403 for a page of another origin.
 */
function options(note: boolean) {
  const fields = headers(
    'AllowOnOptions',
    ...(note ? (['AcceptPatchOnOptions'] as const) : []),
    'AllowMethods',
    'AllowHeaders',
  );
  const refused = 'A preflight from an origin that may not call the API.';
  return {
    summary: 'The methods this resource allows',
    security: [],
    responses: responses(
      {
        204: { description: 'Which methods.', headers: fields },
        403: {
          description: refused,
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      },
      'any',
    ),
  };
}

/** A write's request body, of the one type it takes. */
function body(type: string, schema: string) {
  return {
    required: true,
    content: { [type]: { schema: ref('schemas', schema) } },
  };
}

/** A note sent back after a write, with the fields named. */
function noteAnswer(description: string, ...names: (keyof typeof HEADERS)[]) {
  return {
    description,
    headers: headers(...names),
    content: representations('Note'),
  };
}

// #region paths
/** The notes, at /api/notes, or through the layer at /api/cached/notes. */
function notePaths(base: string, prefix: string, strict = false) {
  // Behind /api/strict/, a change must name the version it changes.
  const change = strict ? (['strict'] as const) : [];
  return {
    [base]: {
      get: {
        operationId: `${prefix}ListNotes`,
        ...read(
          'The notes: id, title and link',
          'NoteList',
          'CacheControlList',
        ),
      },
      head: {
        operationId: `${prefix}ListNotesHead`,
        ...read("The list's fields, no body", 'NoteList', 'CacheControlList'),
      },
      post: {
        operationId: `${prefix}CreateNote`,
        summary: 'Create a note at a URI the server picks',
        parameters: [
          ...conditionalWrite,
          ref('parameters', 'IdempotencyKey'),
          ref('parameters', 'LoseResponse'),
        ],
        requestBody: body('application/json', 'NoteFields'),
        responses: responses(
          {
            201: noteAnswer('Created; Location names it.', 'Location', 'ETag'),
          },
          'any',
          'token',
          'write',
        ),
      },
      options: { operationId: `${prefix}ListOptions`, ...options(false) },
    },
    [`${base}/{id}`]: {
      parameters: [ref('parameters', 'NoteId')],
      get: {
        operationId: `${prefix}ReadNote`,
        ...read('One note', 'Note', 'CacheControlNote'),
      },
      head: {
        operationId: `${prefix}ReadNoteHead`,
        ...read("One note's fields, no body", 'Note', 'CacheControlNote'),
      },
      put: {
        operationId: `${prefix}PutNote`,
        summary: 'Create or replace the note at this URI',
        parameters: conditionalWrite,
        requestBody: body('application/json', 'NoteFields'),
        responses: responses(
          { 200: noteAnswer('Replaced.'), 201: noteAnswer('Created.') },
          'any',
          'token',
          'write',
          ...change,
        ),
      },
      patch: {
        operationId: `${prefix}PatchNote`,
        summary: 'Change part of a note with a JSON merge patch',
        parameters: conditionalWrite,
        requestBody: body('application/merge-patch+json', 'NotePatch'),
        responses: responses(
          { 200: noteAnswer('Changed.', 'ETag') },
          'any',
          'token',
          'write',
          ...change,
          'note',
        ),
      },
      delete: {
        operationId: `${prefix}DeleteNote`,
        summary: 'Delete the note',
        parameters: [
          ref('parameters', 'IfMatch'),
          ref('parameters', 'IfUnmodifiedSince'),
        ],
        responses: responses(
          { 204: { description: 'Deleted.' } },
          'any',
          'token',
          'note',
          'precondition',
          ...change,
        ),
      },
      options: { operationId: `${prefix}NoteOptions`, ...options(true) },
    },
  };
}
// #endregion paths

/**
 * The rate-limit fields, on every answer of an operation that counts a
 * request against its token (all but OPTIONS): its 2xx and 304. The
 * caching layer's own answers (a hit, its 304) never reached the
 * origin's limit, so behind it they are there only when relayed.
 */
function withRateLimits<T extends Record<string, Record<string, unknown>>>(
  paths: T,
  relayed = false,
) {
  const fields = relayed
    ? {
        'RateLimit-Policy': { ...HEADERS.RateLimitPolicy, required: false },
        RateLimit: { ...HEADERS.RateLimit, required: false },
      }
    : headers('RateLimitPolicy', 'RateLimit');
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters' || method === 'options') continue;
      const answers = (operation as { responses: Record<string, object> })
        .responses;
      for (const [status, answer] of Object.entries(answers)) {
        if (!status.startsWith('2') && status !== '304') continue;
        const own = (answer as { headers?: object }).headers;
        answers[status] = { ...answer, headers: { ...own, ...fields } };
      }
    }
  }
  return paths;
}

/** 404 for a note that is not there, on the reads too. */
function withMissingNote<T extends Record<string, Record<string, unknown>>>(
  paths: T,
) {
  for (const [path, item] of Object.entries(paths)) {
    if (!path.endsWith('{id}')) continue;
    for (const method of ['get', 'head']) {
      const operation = item[method] as { responses: Record<string, unknown> };
      operation.responses['404'] = ref('responses', 'Problem404');
    }
  }
  return paths;
}

/** The caching layer's answers: X-Cache on each, and its own 502, 504. */
function throughLayer<T extends Record<string, Record<string, unknown>>>(
  paths: T,
) {
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const answers = (operation as { responses: Record<string, object> })
        .responses;
      for (const [status, answer] of Object.entries(answers)) {
        // A preflight is answered before the layer: no X-Cache.
        if (method === 'options') break;
        if (status.startsWith('2') || status === '304') {
          const own = (answer as { headers?: object }).headers;
          answers[status] = {
            ...answer,
            headers: { ...own, ...headers('XCache') },
          };
        }
      }
      answers['502'] = ref('responses', 'Problem502');
      answers['504'] = ref('responses', 'Problem504');
    }
  }
  return paths;
}

/** GET or HEAD of this document. */
function description(summary: string) {
  const document = {
    schema: { type: 'object', required: ['openapi', 'paths'] },
  };
  return {
    summary,
    security: [],
    responses: {
      200: {
        description: 'OpenAPI 3.1',
        content: { 'application/json': document },
      },
    },
  };
}

/** GET or HEAD of the layer's counters. */
function stats(summary: string) {
  const counters = { schema: ref('schemas', 'LayerCounters') };
  return {
    summary,
    responses: responses(
      {
        200: {
          description: 'Counts by X-Cache outcome.',
          content: { 'application/json': counters },
        },
      },
      'token',
    ),
  };
}

// #region document
/** The notes API's OpenAPI 3.1 description. */
export const OPENAPI = {
  openapi: '3.1.1',
  info: {
    title: 'Wirebook notes',
    version: '1.0.0',
    description:
      'Notes kept per bearer token, in JSON, HTML, XML or plain text. ' +
      'Every refusal is a problem document (RFC 9457).',
  },
  security: [{ bearer: [] }],
  paths: {
    ...withRateLimits(withMissingNote(notePaths('/api/notes', 'notes'))),
    ...withRateLimits(
      withMissingNote(notePaths('/api/strict/notes', 'strict', true)),
    ),
    ...throughLayer(
      withRateLimits(
        withMissingNote(notePaths('/api/cached/notes', 'cached')),
        true,
      ),
    ),
    '/api/cached/stats': {
      get: {
        operationId: 'cachedStats',
        ...stats('What the caching layer did for this token'),
      },
      head: {
        operationId: 'cachedStatsHead',
        ...stats('The same, fields only'),
      },
    },
    '/api/openapi.json': {
      get: { operationId: 'openapi', ...description('This description') },
      head: { operationId: 'openapiHead', ...description('Its fields only') },
    },
  },
  components: {
    schemas: SCHEMAS,
    headers: HEADERS,
    parameters: PARAMETERS,
    responses: { ...problemResponses(), Unavailable503: UNAVAILABLE },
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description:
          'Any 16 to 128 token characters name whose notes these are.',
      },
    },
  },
};
// #endregion document
