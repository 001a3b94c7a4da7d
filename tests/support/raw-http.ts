// HTTP requests sent exactly as written: fetch normalizes paths (it
// resolves "..") and refuses some headers, which tests of path tricks
// and body limits must be able to send. And a bare TCP socket, for
// requests that stop halfway.

import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { record } from './openapi-conformance.ts';

/** What came back, with the body as text and parsed when JSON. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
}

/**
 * Sends one request with node:http, path and headers untouched, and
 * records it for the OpenAPI check (openapi-conformance.ts).
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  const { hostname, port } = new URL(base);
  const headers = { ...options.headers };
  // node:http frames a body on GET, DELETE or OPTIONS only when told
  // its length; without it the body would read as the next request.
  if (options.body !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(options.body));
  }
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const type = String(res.headers['content-type'] ?? '');
        const fields = Object.entries(res.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : String(value),
        ]);
        record({
          base,
          method,
          target: path,
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(fields),
          body,
        });
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json: /json/.test(type) && body ? JSON.parse(body) : undefined,
        });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A TCP socket to `base`, and everything it has received so far. */
export async function openSocket(base: string) {
  const { hostname, port } = new URL(base);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => {});
  return { socket, received: () => received };
}
