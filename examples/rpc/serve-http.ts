// JSON-RPC over HTTP: POST a request (or a batch), get its response.
//
// Each request stands alone: there is no connection the server can
// push on, and a notification's answer is "204 No Content". What
// HTTP adds is its own status codes for what is wrong before
// JSON-RPC is reached: the method, the media type, the size.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from '../http-reply.ts';
import { answer, type Codec, json, msgpack } from './codecs.ts';
import { TransportError } from './errors.ts';
import type { JsonRpcServer } from './server.ts';

const CODECS: Codec[] = [json, msgpack];
const ACCEPTED = CODECS.map((codec) => codec.contentType).join(', ');

/** A request handler for POST /rpc, reading at most `maxBodyBytes`. */
export function serveHttp(server: JsonRpcServer, maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handle(server, maxBodyBytes, req, res).catch((error: unknown) => {
      // A client that hung up while sending its body is not a bug,
      // and there is no one left to answer.
      if (hungUp(req, error)) return;
      if (!(error instanceof TransportError)) throw error;
      refuse(res, error);
    });
  };
}

// #region handle
async function handle(
  server: JsonRpcServer,
  maxBodyBytes: number,
  req: IncomingMessage,
  res: ServerResponse,
) {
  if (req.method !== 'POST') {
    throw new TransportError(
      'METHOD_NOT_ALLOWED',
      'send a JSON-RPC request with POST',
    );
  }
  const type = req.headers['content-type'] ?? '';
  const codec = codecFor(type);
  if (!codec) {
    throw new TransportError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be one of ${ACCEPTED}, not "${type}"`,
    );
  }
  // A declared length over the limit is refused before reading a
  // byte of the body; an undeclared one is counted as it arrives.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw tooLarge(maxBodyBytes);
  const body = await readBody(req, maxBodyBytes);
  const reply = await answer(server, codec, body);
  if (reply === null) {
    res.writeHead(204, { 'cache-control': 'no-store' }).end();
    return;
  }
  res
    .writeHead(200, {
      'content-type': codec.contentType,
      'content-length': Buffer.byteLength(reply),
      'cache-control': 'no-store',
    })
    .end(reply);
}
// #endregion handle

/** The codec for a Content-Type: "application/json; charset=utf-8". */
function codecFor(contentType: string): Codec | undefined {
  // Most callers send exactly a codec's type, with nothing to parse.
  const exact = CODECS.find((codec) => codec.contentType === contentType);
  if (exact) return exact;
  const [type = '', ...parameters] = contentType.toLowerCase().split(';');
  const charset = parameters
    .map((p) => p.trim().split('='))
    .find(([name]) => name === 'charset')?.[1]
    ?.replaceAll('"', '');
  // JSON is UTF-8 (RFC 8259): any other charset is a different type.
  if (charset !== undefined && charset !== 'utf-8') return undefined;
  return CODECS.find((codec) => codec.contentType === type.trim());
}

function tooLarge(max: number) {
  return new TransportError(
    'PAYLOAD_TOO_LARGE',
    `the body may be at most ${max} bytes`,
  );
}

/** The body, or 413 as soon as it grows past `max` bytes. */
function readBody(req: IncomingMessage, max: number) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      // The rest is never read (see refuse).
      req.off('data', onData).pause();
      reject(tooLarge(max));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** True when reading the body failed because the client went away. */
function hungUp(req: IncomingMessage, error: unknown) {
  const { code } = error as NodeJS.ErrnoException;
  return req.destroyed && code === 'ECONNRESET';
}

function refuse(res: ServerResponse, error: TransportError) {
  const headers: Record<string, string> = {};
  const { code } = error;
  if (code === 'METHOD_NOT_ALLOWED') headers['allow'] = 'POST';
  if (code === 'UNSUPPORTED_MEDIA_TYPE') headers['accept'] = ACCEPTED;
  // The rest of a body too large is never read: once this answer
  // is out, Node closes the connection.
  if (code === 'PAYLOAD_TOO_LARGE') headers['connection'] = 'close';
  sendText(res, error.status, error.message, headers);
}
