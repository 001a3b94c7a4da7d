// The second JSON-RPC baseline: what a programmer would otherwise pick,
// the `json-rpc-2.0` npm library's JSONRPCServer on node:http, as its
// README wires it (read the body, `receiveJSON`, 204 for a
// notification), with no limits, routing or logging.
//
//   POST /rpc       Arith.Multiply
//
//   node bench/support/json-rpc-library-server.ts     (prints its address)

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSONRPCServer } from 'json-rpc-2.0';

const rpc = new JSONRPCServer();
rpc.addMethod('Arith.Multiply', ({ A, B }: { A: number; B: number }) => A * B);

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/rpc') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void rpc.receiveJSON(Buffer.concat(chunks).toString()).then((response) => {
      if (!response) {
        res.writeHead(204).end();
        return;
      }
      const body = JSON.stringify(response);
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`json-rpc-2.0 is running at http://127.0.0.1:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(0));
}
