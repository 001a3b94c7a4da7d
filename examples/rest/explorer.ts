// The API explorer's requests. Its presets are one table, in the order
// of the REST pages; the explorer on docs/rest/explorer offers them,
// and explorer.test.ts sends every one, in order, with one new token,
// and checks the status each gets. Both send through `send` below.

// #region presets
/** A request the explorer can fill in. */
export interface Preset {
  section: string;
  label: string;
  method: string;
  path: string;
  accept?: string;
  /** Header lines, "Name: value"; {etag} is the last ETag seen. */
  headers?: string;
  body?: string;
  /** False to leave the reader's token out. */
  token?: boolean;
  /** The status it gets when the presets run in order. */
  status: number;
}

const json = 'Content-Type: application/json';
const milk = '{"title":"Milk","body":"Two litres."}';
const groceries = '{"title":"Groceries","body":"Milk, eggs."}';

export const PRESETS: Preset[] = [
  {
    section: 'Resources',
    label: 'List the notes',
    method: 'GET',
    path: '/api/notes',
    status: 200,
  },
  {
    section: 'Resources',
    label: 'Create a note',
    method: 'POST',
    path: '/api/notes',
    headers: json,
    body: milk,
    status: 201,
  },
  {
    section: 'Resources',
    label: 'Read note 1',
    method: 'GET',
    path: '/api/notes/1',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as HTML',
    method: 'GET',
    path: '/api/notes/1',
    accept: 'text/html',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as XML',
    method: 'GET',
    path: '/api/notes/1',
    accept: 'application/xml',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Note 1 as plain text',
    method: 'GET',
    path: '/api/notes/1',
    accept: 'text/plain',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Weighted: HTML at 0.5, or XML',
    method: 'GET',
    path: '/api/notes/1',
    accept: 'text/html;q=0.5, application/xml',
    status: 200,
  },
  {
    section: 'Representations',
    label: 'Only PNG will do',
    method: 'GET',
    path: '/api/notes/1',
    accept: 'image/png',
    status: 406,
  },
  {
    section: 'Verbs',
    label: 'PUT creates a note',
    method: 'PUT',
    path: '/api/notes/groceries',
    headers: json,
    body: groceries,
    status: 201,
  },
  {
    section: 'Verbs',
    label: 'PUT it again: same state',
    method: 'PUT',
    path: '/api/notes/groceries',
    headers: json,
    body: groceries,
    status: 200,
  },
  {
    section: 'Verbs',
    label: 'What a note allows',
    method: 'OPTIONS',
    path: '/api/notes/groceries',
    status: 204,
  },
  {
    section: 'Verbs',
    label: 'PATCH with plain JSON',
    method: 'PATCH',
    path: '/api/notes/groceries',
    headers: json,
    body: '{"body":"Milk, eggs, bread."}',
    status: 415,
  },
  {
    section: 'Verbs',
    label: 'PATCH part of it',
    method: 'PATCH',
    path: '/api/notes/groceries',
    headers: 'Content-Type: application/merge-patch+json',
    body: '{"body":"Milk, eggs, bread."}',
    status: 200,
  },
  {
    section: 'Verbs',
    label: 'DELETE it',
    method: 'DELETE',
    path: '/api/notes/groceries',
    status: 204,
  },
  {
    section: 'Verbs',
    label: 'DELETE it again',
    method: 'DELETE',
    path: '/api/notes/groceries',
    status: 404,
  },
  {
    section: 'Conditional requests',
    label: 'Read note 1 and its ETag',
    method: 'GET',
    path: '/api/notes/1',
    status: 200,
  },
  {
    section: 'Conditional requests',
    label: 'If-None-Match: that ETag',
    method: 'GET',
    path: '/api/notes/1',
    headers: 'If-None-Match: {etag}',
    status: 304,
  },
  {
    section: 'Conditional requests',
    label: 'If-Match: an old ETag',
    method: 'PUT',
    path: '/api/notes/1',
    headers: `${json}\nIf-Match: "an-old-etag"`,
    body: '{"title":"Milk","body":"Three litres."}',
    status: 412,
  },
  {
    section: 'Conditional requests',
    label: 'If-Match: current ETag',
    method: 'PUT',
    path: '/api/notes/1',
    headers: `${json}\nIf-Match: {etag}`,
    body: '{"title":"Milk","body":"Three litres."}',
    status: 200,
  },
  {
    section: 'Statelessness',
    label: 'Without a token',
    method: 'GET',
    path: '/api/notes',
    token: false,
    status: 401,
  },
  {
    section: 'Layers',
    label: 'Note 1 through the layer',
    method: 'GET',
    path: '/api/cached/notes/1',
    status: 200,
  },
  {
    section: 'Layers',
    label: 'Again: from the layer',
    method: 'GET',
    path: '/api/cached/notes/1',
    status: 200,
  },
  {
    section: 'Layers',
    label: "The layer's counters",
    method: 'GET',
    path: '/api/cached/stats',
    status: 200,
  },
  {
    section: 'Errors',
    label: 'JSON cut short',
    method: 'POST',
    path: '/api/notes',
    headers: json,
    body: '{"title":"Milk",',
    status: 400,
  },
  {
    section: 'Errors',
    label: 'A body typed text/plain',
    method: 'POST',
    path: '/api/notes',
    headers: 'Content-Type: text/plain',
    body: 'Milk',
    status: 415,
  },
  {
    section: 'Errors',
    label: 'A method not allowed',
    method: 'DELETE',
    path: '/api/notes',
    status: 405,
  },
  {
    section: 'Errors',
    label: 'A slash hidden as %2F',
    method: 'GET',
    path: '/api/notes/a%2Fb',
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

/** A preset as a request, with {etag} made the last ETag seen. */
export function fromPreset(
  preset: Preset,
  etag: string | null,
): ExplorerRequest {
  const headers = preset.headers ?? '';
  return {
    method: preset.method,
    path: preset.path,
    accept: preset.accept ?? '',
    headers: etag ? headers.replaceAll('{etag}', etag) : headers,
    body: preset.body ?? '',
    token: preset.token ?? true,
  };
}

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
