// The API explorer's requests, built from the notes API's OpenAPI
// description (openapi.ts): the operations it offers, their methods,
// paths, parameters and bodies come from there, not from a list of
// their own. Its presets are one table of operations, in the order of
// the REST pages; the explorer on docs/rest/explorer offers them, and
// explorer.test.ts sends every one, in order, with one new token, and
// checks the status each gets. Both send through `send` below.

import { OPENAPI } from './openapi.ts';

// #region operations
/** An operation of the description, as the explorer offers it. */
export interface Operation {
  id: string;
  method: string;
  /** The path template, e.g. "/api/notes/{id}". */
  path: string;
  summary: string;
  /** Its header parameters, e.g. If-Match. */
  headers: string[];
  /** Its query parameters, e.g. limit. */
  query: string[];
  /** The media type and an example of its body, if it takes one. */
  body?: { type: string; example: string };
}

type Described = {
  operationId: string;
  summary: string;
  parameters?: { $ref: string }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
};

/** The object a "#/components/…" reference names. */
function resolve<T>(ref: string): T {
  const path = ref.slice(2).split('/');
  return path.reduce<unknown>(
    (at, key) => (at as Record<string, unknown>)[key],
    OPENAPI,
  ) as T;
}

// #region derive
/** Every operation of the description, in its order. */
export const OPERATIONS: Operation[] = Object.entries(OPENAPI.paths).flatMap(
  ([path, item]) =>
    Object.entries(item as Record<string, Described>)
      .filter(([method]) => method !== 'parameters')
      .map(([method, operation]) => {
        const parameters = (operation.parameters ?? []).map((p) =>
          resolve<{ name: string; in: string }>(p.$ref),
        );
        const [type, media] =
          Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        const schema =
          media && resolve<{ examples: unknown[] }>(media.schema.$ref);
        return {
          id: operation.operationId,
          method: method.toUpperCase(),
          path,
          summary: operation.summary,
          headers: namesIn(parameters, 'header'),
          query: namesIn(parameters, 'query'),
          ...(type && schema
            ? { body: { type, example: JSON.stringify(schema.examples[0]) } }
            : {}),
        };
      }),
);

// #endregion derive

/** The names of the parameters that go in one place. */
function namesIn(parameters: { name: string; in: string }[], place: string) {
  return parameters.filter((p) => p.in === place).map((p) => p.name);
}

/** The example the description gives for {id}. */
const NOTE_ID_EXAMPLE = OPENAPI.components.parameters.NoteId.example;

/** The operation with this operationId. */
export function operation(id: string): Operation {
  const found = OPERATIONS.find((o) => o.id === id);
  if (!found) throw new Error(`The description has no operation "${id}".`);
  return found;
}
// #endregion operations

// #region presets
/** A request the explorer can fill in: an operation, and what varies. */
export interface Preset {
  section: string;
  label: string;
  /** The description's operationId. */
  operation: string;
  /** The note's id, for a path with {id}. */
  id?: string;
  /** A method the path does not have, to see what the API says. */
  method?: string;
  accept?: string;
  /** Header lines, "Name: value"; {etag} is the last ETag seen. */
  headers?: string;
  /** The body; without it, the description's example, if any. */
  body?: string;
  /** False to leave the reader's token out. */
  token?: boolean;
  /** The status it gets when the presets run in order. */
  status: number;
}

const groceries = '{"title":"Groceries","body":"Milk, eggs."}';

export const PRESETS: Preset[] = [
  {
    section: 'Resources',
    label: 'List the notes',
    operation: 'notesListNotes',
    status: 200,
  },
  {
    section: 'Resources',
    label: 'Create a note',
    operation: 'notesCreateNote',
    status: 201,
  },
  {
    section: 'Resources',
    label: 'Read note 1',
    operation: 'notesReadNote',
    id: '1',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as HTML',
    operation: 'notesReadNote',
    id: '1',
    accept: 'text/html',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as XML',
    operation: 'notesReadNote',
    id: '1',
    accept: 'application/xml',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as plain text',
    operation: 'notesReadNote',
    id: '1',
    accept: 'text/plain',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Weighted: HTML at 0.5, or XML',
    operation: 'notesReadNote',
    id: '1',
    accept: 'text/html;q=0.5, application/xml',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Only PNG will do',
    operation: 'notesReadNote',
    id: '1',
    accept: 'image/png',
    status: 406,
  },
  {
    section: 'Verbs',
    label: 'PUT creates a note',
    operation: 'notesPutNote',
    id: 'groceries',
    body: groceries,
    status: 201,
  },
  {
    section: 'Verbs',
    label: 'PUT it again: same state',
    operation: 'notesPutNote',
    id: 'groceries',
    body: groceries,
    status: 200,
  },
  {
    section: 'Verbs',
    label: 'What a note allows',
    operation: 'notesNoteOptions',
    id: 'groceries',
    status: 204,
  },
  {
    section: 'Verbs',
    label: 'PATCH with plain JSON',
    operation: 'notesPatchNote',
    id: 'groceries',
    headers: 'Content-Type: application/json',
    body: '{"body":"Milk, eggs, bread."}',
    status: 415,
  },
  {
    section: 'Verbs',
    label: 'PATCH part of it',
    operation: 'notesPatchNote',
    id: 'groceries',
    body: '{"body":"Milk, eggs, bread."}',
    status: 200,
  },
  {
    section: 'Verbs',
    label: 'DELETE it',
    operation: 'notesDeleteNote',
    id: 'groceries',
    status: 204,
  },
  {
    section: 'Verbs',
    label: 'DELETE it again',
    operation: 'notesDeleteNote',
    id: 'groceries',
    status: 404,
  },
  {
    section: 'Conditional requests',
    label: 'Read note 1 and its ETag',
    operation: 'notesReadNote',
    id: '1',
    status: 200,
  },
  {
    section: 'Conditional requests',
    label: 'If-None-Match: that ETag',
    operation: 'notesReadNote',
    id: '1',
    headers: 'If-None-Match: {etag}',
    status: 304,
  },
  {
    section: 'Conditional requests',
    label: 'If-Match: an old ETag',
    operation: 'notesPutNote',
    id: '1',
    headers: 'If-Match: "an-old-etag"',
    body: '{"title":"Milk","body":"Three litres."}',
    status: 412,
  },
  {
    section: 'Conditional requests',
    label: 'If-Match: current ETag',
    operation: 'notesPutNote',
    id: '1',
    headers: 'If-Match: {etag}',
    body: '{"title":"Milk","body":"Three litres."}',
    status: 200,
  },
  {
    section: 'Statelessness',
    label: 'Without a token',
    operation: 'notesListNotes',
    token: false,
    status: 401,
  },
  {
    section: 'Layers',
    label: 'Note 1 through the layer',
    operation: 'cachedReadNote',
    id: '1',
    status: 200,
  },
  {
    section: 'Layers',
    label: 'Again: from the layer',
    operation: 'cachedReadNote',
    id: '1',
    status: 200,
  },
  {
    section: 'Layers',
    label: "The layer's counters",
    operation: 'cachedStats',
    status: 200,
  },
  {
    section: 'Errors',
    label: 'JSON cut short',
    operation: 'notesCreateNote',
    body: '{"title":"Milk",',
    status: 400,
  },
  {
    section: 'Errors',
    label: 'A body typed text/plain',
    operation: 'notesCreateNote',
    headers: 'Content-Type: text/plain',
    body: 'Milk',
    status: 415,
  },
  {
    section: 'Errors',
    label: 'A method not allowed',
    operation: 'notesListNotes',
    method: 'DELETE',
    status: 405,
  },
  {
    section: 'Errors',
    label: 'A slash hidden as %2F',
    operation: 'notesReadNote',
    id: 'a%2Fb',
    status: 400,
  },
];
// #endregion presets

/** What the explorer's form holds. */
export interface ExplorerRequest {
  method: string;
  path: string;
  accept: string;
  headers: string;
  body: string;
  /** Send the reader's token in Authorization. */
  token: boolean;
}

/** What came back, and how long it took. */
export interface ExplorerResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  milliseconds: number;
}

// #region build
/**
 * A request for an operation: its method, its path with `id` (else
 * the parameter's example) for {id}, and its example body, typed as
 * the description says, unless the header lines name a type.
 */
export function fromOperation(
  op: Operation,
  more: { id?: string; headers?: string; body?: string } = {},
): Omit<ExplorerRequest, 'accept' | 'token'> {
  const path = op.path.replace('{id}', more.id ?? NOTE_ID_EXAMPLE);
  const body = more.body ?? op.body?.example ?? '';
  const lines = (more.headers ?? '').split('\n').filter((line) => line !== '');
  const typed = lines.some((line) => /^content-type\s*:/i.test(line));
  if (body !== '' && op.body && !typed)
    lines.unshift(`Content-Type: ${op.body.type}`);
  return { method: op.method, path, headers: lines.join('\n'), body };
}

/** A preset as a request, with {etag} made the last ETag seen. */
export function fromPreset(
  preset: Preset,
  etag: string | null,
): ExplorerRequest {
  const built = fromOperation(operation(preset.operation), preset);
  return {
    ...built,
    method: preset.method ?? built.method,
    accept: preset.accept ?? '',
    headers: etag ? built.headers.replaceAll('{etag}', etag) : built.headers,
    token: preset.token ?? true,
  };
}
// #endregion build

/** Header lines ("Name: value", one a line) as pairs. */
export function parseHeaders(text: string): [string, string][] {
  return text.split('\n').flatMap((line, index): [string, string][] => {
    if (line.trim() === '') return [];
    const colon = line.indexOf(':');
    if (colon < 1) {
      const where = `Header line ${index + 1}`;
      throw new Error(`${where} needs the form "Name: value".`);
    }
    const name = line.slice(0, colon).trim();
    return [[name, line.slice(colon + 1).trim()]];
  });
}

// #region send
/** Sends a request to the playground at `base`, as the reader's. */
export async function send(
  base: string,
  request: ExplorerRequest,
  token: string,
  signal?: AbortSignal,
): Promise<ExplorerResponse> {
  const headers = new Headers(parseHeaders(request.headers));
  if (request.accept) headers.set('accept', request.accept);
  if (request.token && !headers.has('authorization')) {
    headers.set('authorization', `Bearer ${token}`);
  }
  const bodyless = ['GET', 'HEAD'].includes(request.method);
  const started = performance.now();
  const response = await fetch(new URL(request.path, base), {
    method: request.method,
    headers,
    body: bodyless || request.body === '' ? null : request.body,
    cache: 'no-store',
    signal: signal ?? null,
  });
  const body = await response.text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body,
    milliseconds: Math.round(performance.now() - started),
  };
}
// #endregion send
