// A TCP echo server: the notes' ListenTCP and Accept, in Node.
//
// Every line a client sends comes straight back. Go's server
// (examples/go/tcp-server.go) is a loop around Accept that starts a
// goroutine per connection, each looping over Read and Write. Node
// turns both loops inside out: 'connection' fires once per accepted
// socket, and 'data' once per read.

import { type AddressInfo, createServer, type Socket } from 'node:net';
import { type EchoError, refusals } from './echo-errors.ts';
import { encodeLine, LineDecoder } from './framing.ts';

/** Where to listen, and what one client may cost. */
export interface TcpEchoOptions {
  host: string;
  port: number;
  maxLineBytes: number;
  idleTimeoutMs: number;
  maxConnections: number;
}

/** A listening echo server. */
export interface TcpEchoServer {
  port: number;
  /** Connections being served (refused ones are not counted). */
  connections(): number;
  /** Bytes written to clients but not yet taken by their kernels. */
  bufferedBytes(): number;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/** How long a refused client has to read why, before it is cut off. */
const LINGER_MS = 1_000;

// #region listen
/** Listens on host:port; each accepted socket gets echoLines. */
export async function listenTcpEcho(
  options: TcpEchoOptions,
): Promise<TcpEchoServer> {
  const sockets = new Set<Socket>();
  let served = 0;
  // allowHalfOpen: a client's FIN ends its writing, not ours; we
  // still owe it the echo of what it sent before.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client that resets (ECONNRESET) is not our failure; without
    // a listener, its error would end the whole process.
    socket.on('error', () => {});
    if (served >= options.maxConnections) {
      return refuse(socket, refusals.busy(options.maxConnections));
    }
    served++;
    socket.once('close', () => served--);
    echoLines(socket, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  // Accept itself can fail (EMFILE: out of descriptors); that is no
  // reason to drop the connections already open.
  server.on('error', () => {});
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => served,
    bufferedBytes: () =>
      [...sockets].reduce((sum, s) => sum + s.writableLength, 0),
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
// #endregion listen

// #region serve
/** Go's Read/Write loop: write back each line as it completes. */
function echoLines(socket: Socket, options: TcpEchoOptions) {
  const { maxLineBytes, idleTimeoutMs } = options;
  const lines = new LineDecoder(maxLineBytes);
  let refused = false;
  const stop = (error: EchoError) => {
    refused = true;
    refuse(socket, error);
  };
  // Go sets a read deadline; Node fires 'timeout' after this long
  // without traffic either way, and leaves closing to us.
  socket.setTimeout(idleTimeoutMs);
  socket.on('timeout', () => stop(refusals.idle(idleTimeoutMs)));
  socket.on('data', (chunk) => {
    if (refused) return;
    for (const line of lines.push(chunk)) {
      socket.write(encodeLine(line));
    }
    // Like Go's scanner.Err() after Scan: the lines before a fault
    // were echoed, and the fault ends the connection.
    if (lines.err) return stop(refusals.lineTooLong(maxLineBytes));
    // A client that sends but never reads fills our buffer; stop
    // reading until it drains, as Go's blocking Write would.
    if (socket.writableNeedDrain) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  // 'end' is Go's io.EOF: the client half-closed. Echo what is
  // left, then close our half too.
  socket.on('end', () => {
    if (refused) return;
    const rest = lines.end();
    if (rest) socket.end(rest);
    else socket.end();
  });
}
// #endregion serve

// #region refuse
/** Tells the client why in one last line, then closes. */
function refuse(socket: Socket, error: EchoError) {
  socket.setTimeout(0);
  socket.end(`${error.text}\n`);
  // Reading on lets the client's FIN arrive, so both sides close
  // cleanly; what else it sends is dropped. A client that never
  // closes is cut off.
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once('close', () => clearTimeout(timer));
}
// #endregion refuse
