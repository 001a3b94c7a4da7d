// Every answer the notes API gives a test, checked against its OpenAPI
// description (examples/rest/openapi.ts), so that the description can
// never drift from the server. Requests are recorded where tests send
// them: rawRequest (raw-http.ts) and fetch, which the unit project's
// setup file (openapi-conformance-setup.ts) wraps. Only answers from a
// playground that startTestServer started count: a stand-in server a
// test writes answers whatever that test needs.
//
// For each answer under /api/:
// - a path the description has, with a method it has: the status must
//   be one of that operation's, the header fields it requires present,
//   the body of a media type it lists and, as JSON, valid against that
//   media type's schema (Ajv, JSON Schema 2020-12);
// - a path it has, with a method it lacks: 405 with Allow naming
//   exactly the methods it has, unless the target itself is refused
//   first (the API checks the target before the method);
// - a path it lacks: the target refused, as a problem document of 400,
//   404 or 414, as the description's components say those look;
// - a target that is no URI at all (raw bytes outside RFC 3986, 2):
//   400 in plain text, from the server's guards, which refuse it before
//   any API sees it (playground-server/request-guards.ts).

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OPENAPI } from '../../examples/rest/openapi.ts';

/** One request and its answer, as a test saw them. */
export interface Exchange {
  base: string;
  method: string;
  /** The request target: path and query, as sent. */
  target: string;
  status: number;
  /** Field names in lower case. */
  headers: Record<string, string>;
  body: string;
}

const playgrounds = new Set<string>();
const recorded: Exchange[] = [];

/**
 * Counts answers from the playground at `base` from now on, under
 * both its loopback names (the CORS demo calls it as localhost).
 */
export function watchPlayground(base: string) {
  const url = new URL(base);
  playgrounds.add(url.origin);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  playgrounds.add(url.origin);
}

/** Keeps an exchange if it is with a watched playground's /api/. */
export function record(exchange: Exchange) {
  const origin = new URL(exchange.base).origin;
  if (!playgrounds.has(origin)) return;
  if (!exchange.target.startsWith('/api/')) return;
  recorded.push(exchange);
}

/** The exchanges recorded so far, and forgets them. */
export function takeRecorded() {
  return recorded.splice(0);
}

/**
 * `fetch`, recording what it sends and gets from a watched playground's
 * /api/. Its arguments go on untouched (a stream body is read once),
 * and only those answers are read a second time, from a clone, so a
 * stream from elsewhere (/why/sse) is never waited on.
 */
export function recordingFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (!playgrounds.has(url.origin) || !url.pathname.startsWith('/api/')) return response;
    record({
      base: url.origin,
      method: method.toUpperCase(),
      target: url.pathname + url.search,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.clone().text(),
    });
    return response;
  };
}

type Json = Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const DOCUMENT_ID = 'wirebook:openapi';
// The document is registered whole, its top-level members known to Ajv
// as words that validate nothing, so that a schema inside it is reached
// by JSON pointer and its $refs resolve in the document.
ajv.addVocabulary(Object.keys(OPENAPI));
ajv.addSchema({ $id: DOCUMENT_ID, ...OPENAPI } as Json, undefined, undefined, false);

/** The object a `$ref` names, or the object itself. */
function resolve(value: unknown): Json {
  const { $ref } = value as { $ref?: string };
  if ($ref === undefined) return value as Json;
  const path = $ref.slice(2).split('/');
  return resolve(path.reduce<unknown>((at, key) => (at as Json)[key], OPENAPI));
}

/** A JSON pointer's escaped segment. */
const pointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

const TEMPLATES = Object.keys(OPENAPI.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** What a URI may hold: RFC 3986's unreserved, reserved and %. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/** A target that is no URI: the server's guards refuse it first. */
function notAUri({ status, headers }: Exchange, where: string) {
  const type = headers['content-type'] ?? '';
  if (status === 400 && type.startsWith('text/plain')) return [];
  return [`${where}: a target that is no URI must get 400 in plain text, not ${type}`];
}

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

/** What is wrong with one exchange, as sentences; none if nothing. */
export function nonConformance(exchange: Exchange): string[] {
  const { method, target, status, headers } = exchange;
  const path = target.split('?', 1)[0]!;
  const where = `${method} ${target} -> ${status}`;
  if (!URI_CHARACTERS.test(target)) return notAUri(exchange, where);
  const match = TEMPLATES.find(({ pattern }) => pattern.test(path));
  if (!match) return refusedTarget(exchange, where);
  const item = (OPENAPI.paths as Record<string, Json>)[match.template]!;
  const documented = METHODS.filter((m) => m in item);
  const operation = item[method.toLowerCase()] as Json | undefined;
  if (!operation) {
    const allow = (headers['allow'] ?? '').split(/,\s*/).sort();
    const expected = documented.map((m) => m.toUpperCase()).sort();
    if (status === 405 && allow.join() === expected.join()) return [];
    if (status !== 405) return refusedTarget(exchange, where);
    return [`${where}: ${method} is not in the description; expected 405 with Allow: ${expected}`];
  }
  const responses = operation['responses'] as Json;
  const key = String(status) in responses ? String(status) : `${String(status)[0]}XX`;
  if (!(key in responses)) {
    return [`${where}: status ${status} is not documented for ${method} ${match.template}`];
  }
  const { $ref } = responses[key] as { $ref?: string };
  const at =
    $ref === undefined
      ? `#/paths/${pointer(match.template)}/${method.toLowerCase()}/responses/${key}`
      : $ref;
  return checkResponse(exchange, where, resolve(responses[key]), at);
}

/**
 * The fields `response` requires, and the body's type and schema;
 * `at` is where the response is in the document, as a JSON pointer.
 */
function checkResponse(exchange: Exchange, where: string, response: Json, at: string) {
  const errors: string[] = [];
  for (const [name, header] of Object.entries((response['headers'] ?? {}) as Json)) {
    const { required, schema } = resolve(header) as { required?: boolean; schema?: Json };
    const value = exchange.headers[name.toLowerCase()];
    if (value === undefined) {
      if (required) errors.push(`${where}: the field ${name} is missing`);
      continue;
    }
    if (schema && !ajv.validate(schema, value)) {
      errors.push(`${where}: ${ajv.errorsText(ajv.errors, { dataVar: name })}, not ${value}`);
    }
  }
  const content = response['content'] as Json | undefined;
  const bodyless = exchange.method === 'HEAD' || exchange.body === '';
  if (!content) {
    if (!bodyless) errors.push(`${where}: a body, where the description has none`);
    return errors;
  }
  if (bodyless) return errors;
  const type = (exchange.headers['content-type'] ?? '').split(';', 1)[0]!.trim();
  if (!(type in content)) {
    return [...errors, `${where}: ${type} is not among ${Object.keys(content).join(', ')}`];
  }
  if (!/[/+]json$/.test(type)) return errors;
  // By pointer into the document, so that its $refs resolve inside it.
  const validate = ajv.getSchema(`${DOCUMENT_ID}${at}/content/${pointer(type)}/schema`)!;
  if (!validate(JSON.parse(exchange.body))) {
    errors.push(
      `${where}: ${ajv.errorsText(validate.errors, { dataVar: 'the body' })}: ${exchange.body}`,
    );
  }
  return errors;
}

/** A target the API refuses before it looks at the method. */
function refusedTarget(exchange: Exchange, where: string) {
  if (![400, 404, 414].includes(exchange.status)) {
    return [`${where}: not in the description, and not refused with 400, 404 or 414`];
  }
  const at = `#/components/responses/Problem${exchange.status}`;
  return checkResponse(exchange, where, resolve({ $ref: at }), at);
}
