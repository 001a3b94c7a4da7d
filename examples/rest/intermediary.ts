// Being in the middle. Whatever else it does, an HTTP intermediary (a
// proxy, a gateway, a cache) passes requests on and answers back, and
// it keeps what belongs to one connection on that connection: headers
// such as Connection and Transfer-Encoding describe a single hop, so
// they are never forwarded. It adds itself to `Via`, so that both ends
// can see the message went through it (RFC 9110, section 7.6).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Problem } from './problem.ts';

/** How this intermediary names itself in Via. */
export const VIA = '1.1 wirebook-cache';

/** Headers that belong to one connection, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/** The request's headers among `names`, ready to send on. */
export function headersFrom(req: IncomingMessage, names: string[]) {
  const headers = new Headers();
  for (const name of names) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, String(value));
  }
  return headers;
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

/** Sends a request on to the origin, as any client would. */
export async function forward(onward: Onward) {
  const { base, path, method, headers, body, timeoutMs } = onward;
  headers.set('via', VIA);
  const url = new URL(path, base);
  try {
    return await fetch(url, {
      method,
      headers,
      body: body ?? null,
      redirect: 'manual',
      // An origin that never answers must not hold the client.
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Problem(
      'origin-unreachable',
      `The layer could not reach the origin at ${url.origin} ` +
        `(${(error as Error).message}). Try again in a moment.`,
    );
  }
}
// #endregion forward

/** Response headers, minus those that belong to one connection. */
export function forwardable(headers: Headers): Record<string, string> {
  return Object.fromEntries(
    [...headers].filter(([name]) => !HOP_BY_HOP.has(name)),
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
    via: VIA,
    ...extra,
    ...(bodiless ? {} : { 'content-length': body.byteLength }),
  });
  res.end(body);
}
