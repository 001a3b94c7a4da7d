// A relay that records what crosses it. Put it between a client and a
// server: it passes every byte on unchanged and keeps a copy of each
// direction. The tests use it to see Go's RPC over HTTP as it travels
// between two Go programs, which is what docs/rpc/go-over-http shows.

import { connect, createServer } from 'node:net';

// #region relay
/** Listens on 127.0.0.1 and relays each connection to host:port. */
export async function recordingRelay(host: string, port: number) {
  const fromClient: Buffer[] = [];
  const fromServer: Buffer[] = [];
  const server = createServer((client) => {
    const upstream = connect(port, host);
    client.on('data', (chunk: Buffer) => fromClient.push(chunk));
    upstream.on('data', (chunk: Buffer) => fromServer.push(chunk));
    client.pipe(upstream).pipe(client);
    // Either side failing ends both: a relay has no one else to tell.
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    /** Every byte the clients sent, and every byte the server sent. */
    recorded: () => ({
      client: Buffer.concat(fromClient),
      server: Buffer.concat(fromServer),
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
// #endregion relay
