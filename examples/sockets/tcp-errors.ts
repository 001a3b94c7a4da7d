// How TCP fails, and what each failure looks like in Node.
//
// Three things go wrong with a TCP conversation all the time: no one
// listens where we connect (ECONNREFUSED), the peer aborts the
// connection (ECONNRESET), and the peer goes quiet (a timeout). Node
// reports the first two as an 'error' event whose `code` is the
// errno name Go wraps in its *net.OpError; the third is a 'timeout'
// event, after which closing is up to us. This demo causes each one
// on the playground's own machine.

import { once } from 'node:events';
import {
  type AddressInfo,
  connect,
  createServer,
  type Server,
  type Socket,
} from 'node:net';
import type { DemoIO } from '../demo-io.ts';
import { findEchoServers } from './echo-servers.ts';

// #region run
/** Connects three ways that fail, and says how each one ended. */
export async function run(io: DemoIO): Promise<void> {
  const { host, tcp } = await findEchoServers(io);
  const { signal } = io;

  // Nothing listens on the port, so the OS answers our SYN with
  // RST and connect fails. Go: "connect: connection refused".
  const closed = await closedPort(host);
  const refused = connect({ host, port: closed, signal });
  io.log('a port no one listens on:', await outcome(refused));

  // A peer that aborts sends RST instead of FIN; our next read
  // fails. Go: "read: connection reset by peer".
  const rude = await listen(
    createServer((peer) => {
      peer.resetAndDestroy();
    }),
    host,
    signal,
  );
  const reset = connect({ host, port: portOf(rude), signal });
  io.log('a peer that aborts:', await outcome(reset));
  rude.close();

  // The echo server says nothing until spoken to. setTimeout is
  // Go's SetReadDeadline, except that Node only tells us.
  const quiet = connect({ host, port: tcp.port, signal });
  quiet.setTimeout(250);
  io.log('a peer that says nothing for 250 ms:', await outcome(quiet));
  io.log('still open after the timeout:', !quiet.destroyed);
  quiet.destroy();
}

/** How a connection ended: an error code, 'timeout', or 'closed'. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    // Listeners that stay: an 'error' no one listens for would
    // end the process.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? error.message);
    });
    socket.on('timeout', () => resolve('timeout'));
    socket.on('close', () => resolve('closed'));
  });
}
// #endregion run

/** A port that was free a moment ago, and has no listener now. */
async function closedPort(host: string): Promise<number> {
  const server = await listen(createServer(), host);
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Listens on a free port of `host`, until `signal` (if any). */
async function listen(
  server: Server,
  host: string,
  signal?: AbortSignal,
): Promise<Server> {
  server.listen({ port: 0, host, signal });
  await once(server, 'listening', { signal });
  return server;
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
