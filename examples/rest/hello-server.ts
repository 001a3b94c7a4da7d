// The smallest HTTP server: one function that answers every request.
// node:http reads the request line and the headers, hands the
// function the request and a response to fill in, and writes what it
// is given back as HTTP/1.1. Go's version is examples/go/hello-server.go.
//
// Run it on its own with `node examples/rest/hello-server.ts` (Node
// 22.18 or later runs TypeScript as it is); PORT picks the port.

import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// #region handler
/** Answers every request, whatever it asks for, with a line of text. */
export function hello(req: IncomingMessage, res: ServerResponse) {
  const body = `Hello! You sent ${req.method} ${req.url}\n`;
  res.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
// #endregion handler

// #region listen
/** Serves `hello` on 127.0.0.1:port and says where, once it listens. */
export function listen(port: number) {
  const server = createServer(hello);
  server.listen(port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`listening on http://127.0.0.1:${port}`);
  });
  return server;
}

// Run as a program (not imported by the demo): listen on PORT.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  listen(Number(process.env['PORT'] ?? 8080));
}
// #endregion listen
