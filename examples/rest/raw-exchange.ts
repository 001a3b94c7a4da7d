// What HTTP/1.1 puts on the wire, byte for byte. The demo starts the
// smallest server (hello-server.ts) on a free port, opens a plain TCP
// connection to it, writes each request as text, and prints exactly
// what comes back. A browser cannot open a TCP connection, so on the
// page this demo runs in the playground, which streams its lines back.

import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { DemoIO } from '../demo-io.ts';
import { hello } from './hello-server.ts';

// #region run
/** Three requests to the smallest server, and its three answers. */
export async function run(io: DemoIO): Promise<void> {
  const server = createServer(hello);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    // A request line, header fields, an empty line; no body.
    const get = 'GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n';
    await exchange(io, port, `${get}Accept: text/plain\r\n`);
    // It says yes to anything, even a DELETE of nothing at all.
    await exchange(io, port, 'DELETE /nothing HTTP/1.1\r\nHost: x\r\n');
    // Not HTTP: node:http answers 400 itself; hello never runs.
    await exchange(io, port, 'HELLO THERE\r\n');
  } finally {
    server.close();
  }
}
// #endregion run

// #region exchange
/**
 * Sends `head` (with Connection: close and the empty line that ends a
 * head) on a new connection, and prints everything that comes back
 * until the server closes it.
 */
async function exchange(io: DemoIO, port: number, head: string) {
  const request = `${head}Connection: close\r\n\r\n`;
  const socket = connect({ host: '127.0.0.1', port, signal: io.signal });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve());
    socket.write(request);
    io.sent(request);
  });
  io.received(Buffer.concat(chunks).toString('utf8'));
}
// #endregion exchange
