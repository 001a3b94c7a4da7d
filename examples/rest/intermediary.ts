// Being in the middle. Whatever else it does, an HTTP intermediary (a
// proxy, a gateway, a cache) passes requests on and answers back, and
// it keeps what belongs to one connection on that connection: fields
// such as Connection and Transfer-Encoding, and any field Connection
// names, describe a single hop, so they are never forwarded (RFC 9110,
// section 7.6.1). It appends itself to `Via`, so that both ends can
// see the message went through it (7.6.3).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Problem } from './problem.ts';

/** How this intermediary names itself in Via. */
export const VIA = '1.1 wirebook-cache';

/** Fields that always belong to one connection (RFC 9110, 7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'proxy-connection',
  'keep-alive',
  'te',
  'transfer-encoding',
  'upgrade',
];

/** The request's headers among `names`, ready to send on. */
export function headersFrom(req: IncomingMessage, names: string[]) {
  const headers = new Headers();
  for (const name of names) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, String(value));
  }
  return headers;
}

/** A Via value with this intermediary appended to what came before. */
export function via(before: string | null | undefined) {
  return before ? `${before}, ${VIA}` : VIA;
}

// #region forward
/** A request for the origin, and how long it has to answer. */
export interface Onward {
  base: string;
  path: string;
  method: string;
  headers: Headers;
  body?: Uint8Array<ArrayBuffer> | undefined;
  timeoutMs: number;
}

/**
 * Sends a request on to the origin, as any client would, and reads
 * its whole answer. An origin that takes longer than `timeoutMs` is a
 * 504; one that refuses, resets or breaks off its answer is a 502.
 */
export async function forward(onward: Onward) {
  const { base, path, method, headers, body, timeoutMs } = onward;
  headers.set('via', via(headers.get('via')));
  const url = new URL(path, base);
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body ?? null,
      redirect: 'manual',
      // An origin that never answers must not hold the client.
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The timeout covers the body too: a head alone is no answer.
    return { response, body: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    throw gatewayProblem(error, url.origin, timeoutMs);
  }
}
// #endregion forward

// #region gateway
/** What went wrong on the way to the origin, as the client sees it. */
function gatewayProblem(error: unknown, origin: string, timeoutMs: number) {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new Problem(
      'origin-timeout',
      `The origin at ${origin} did not answer within ` +
        `${timeoutMs / 1000} s. Try again in a moment.`,
    );
  }
  // fetch says "fetch failed"; its cause says why (ECONNREFUSED…).
  const { cause } = error as { cause?: { code?: string; message?: string } };
  const why = cause?.code ?? cause?.message ?? (error as Error).message;
  return new Problem(
    'origin-unreachable',
    `The origin at ${origin} gave no valid answer (${why}). ` +
      'Try again in a moment.',
  );
}
// #endregion gateway

// #region relay
/**
 * Response headers, without those that belong to one connection and
 * without Content-Length, which the layer writes for what it sends.
 */
export function forwardable(headers: Headers): Record<string, string> {
  const named = (headers.get('connection') ?? '').toLowerCase().split(',');
  const dropped = new Set([
    ...HOP_BY_HOP,
    ...named.map((name) => name.trim()),
    'content-length',
  ]);
  return Object.fromEntries(
    [...headers].filter(([name]) => !dropped.has(name)),
  );
}

/** Answers the client with the origin's response, plus `extra`. */
export function relay(
  res: ServerResponse,
  response: Response,
  body: Uint8Array,
  extra: Record<string, string>,
) {
  const bodiless = response.status === 204 || response.status === 304;
  res.writeHead(response.status, response.statusText, {
    ...forwardable(response.headers),
    via: via(response.headers.get('via')),
    ...extra,
    ...(bodiless ? {} : { 'content-length': body.byteLength }),
  });
  res.end(body);
}
// #endregion relay
