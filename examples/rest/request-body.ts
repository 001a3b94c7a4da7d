// Taking a body from a client, in the order that wastes least: its
// declared type (415) and size (413), both known from the headers,
// then its size again as it streams (413), then its syntax (400). Whether it is a note at all (422) is
// note-fields.ts. Go's net/http has http.MaxBytesReader for the size;
// here it is written out, because how a server stops reading is the
// point.

import type { IncomingMessage } from 'node:http';
import { Problem } from './problem.ts';

// #region type
/**
 * Refuses a body whose Content-Type is not `expected`, naming what is
 * taken in `field`: Accept for a representation (RFC 9110, 15.5.16),
 * Accept-Patch for a patch (RFC 5789, 2.2). Parameters other than
 * charset=utf-8 are refused too: JSON is always UTF-8.
 */
export function checkContentType(
  header: string | undefined,
  expected: string,
  field: 'accept' | 'accept-patch' = 'accept',
) {
  const [type = '', ...params] = (header ?? '').split(';');
  const charsetOk = params.every((param) =>
    /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(param),
  );
  if (type.trim().toLowerCase() === expected && charsetOk) return;
  const sent = header === undefined ? 'no Content-Type' : `"${header}"`;
  throw new Problem(
    'unsupported-media-type',
    `This request needs a body of type ${expected}, and it sent ` +
      `${sent}. Set Content-Type: ${expected}.`,
    { headers: { [field]: expected }, extensions: { expected } },
  );
}
// #endregion type

// #region read
/** Refuses a body whose declared Content-Length is over `limit`. */
export function checkDeclaredLength(header: string | undefined, limit: number) {
  const declared = Number(header ?? 0);
  if (declared > limit) throw tooLarge(`${declared} bytes`, limit);
}

/**
 * Reads the body, up to `limit` bytes. A declared Content-Length over
 * the limit is refused before a byte is read; a body without one
 * (chunked) is counted as it streams, and refused at the first byte
 * too many. Either way the rest is never kept.
 */
export function readBody(req: IncomingMessage, limit: number) {
  try {
    checkDeclaredLength(req.headers['content-length'], limit);
  } catch (problem) {
    return Promise.reject(problem);
  }
  return new Promise<Buffer<ArrayBuffer>>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep nothing more, but let the rest flow by unread: closing
        // now could cut off the 413 on its way out. The server's
        // request timeout bounds how long a client can go on sending.
        req.off('data', onData).off('end', onEnd).resume();
        reject(tooLarge(`over ${limit} bytes`, limit));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

function tooLarge(size: string, limit: number) {
  return new Problem(
    'body-too-large',
    `The body is ${size}; this API takes at most ${limit} bytes. ` +
      'Send a shorter note.',
    { extensions: { limit } },
  );
}
// #endregion read

// #region json
/** The body as JSON, or a 400 that says where it went wrong. */
export function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Problem(
      'malformed-json',
      'The body is not valid UTF-8, so it cannot be JSON.',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Problem(
      'malformed-json',
      `The body is not valid JSON (${(error as Error).message}). ` +
        'Send an object such as {"title":"Milk","body":"2 litres"}.',
    );
  }
}
// #endregion json
