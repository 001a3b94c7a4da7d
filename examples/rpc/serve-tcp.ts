// JSON-RPC over TCP: a line in, a line out, on a connection that
// stays open. The adapter only moves bytes: LineFramer finds the
// messages, a handler (the JSON-RPC core, or Go's codec) answers.
//
// Calls on one connection run concurrently and are answered as each
// finishes, so replies may overtake each other; the id says which is
// which. When too many calls are in flight, the server stops reading
// the socket until some finish: TCP's own flow control then slows
// the client down, and nothing needs to be refused.

import { createServer, type Socket } from 'node:net';
import { answer, json } from './codecs.ts';
import { rpcError, type TransportError } from './errors.ts';
import { LineFramer, toLine } from './line-framing.ts';
import { errorResponse, type JsonRpcServer, type Origin } from './server.ts';

/** Answers one line; null when there is nothing to send back. */
export type LineHandler = (
  line: Uint8Array,
  origin: Origin,
) => Promise<string | null>;

/** Limits of one TCP endpoint. */
export interface TcpOptions {
  maxLineBytes: number;
  /** Calls one connection may have running before reading pauses. */
  maxInFlight: number;
  /** A connection quiet for this long is closed. */
  idleMs: number;
  maxConnections: number;
  /** Whether the handler's server may push notifications. */
  push: boolean;
}

/** The JSON-RPC 2.0 core as a line handler. */
export function jsonLines(server: JsonRpcServer): LineHandler {
  return async (line, origin) =>
    (await answer(server, json, line, origin)) as string | null;
}

// #region serve
/** A TCP server that answers each line with `handle`. */
export function serveTcp(handle: LineHandler, options: TcpOptions) {
  const sockets = new Set<Socket>();
  // allowHalfOpen: a client's FIN ends its requests, not our answers.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, handle, options);
  });
  server.maxConnections = options.maxConnections;
  return {
    server,
    /** Listens; resolves with the port (useful when asked for 0). */
    listen(port: number, host: string) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as { port: number }).port);
        });
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}
// #endregion serve

// #region connection
function serveConnection(
  socket: Socket,
  handle: LineHandler,
  options: TcpOptions,
) {
  const framer = new LineFramer(options.maxLineBytes);
  const closed = new AbortController();
  const waiting: Uint8Array[] = [];
  let inFlight = 0;
  let ended = false;
  const write = (text: string) => {
    if (!socket.writable) return;
    // A client that does not read its replies is not sent more work.
    if (!socket.write(toLine(text))) socket.pause();
  };
  const origin: Origin = {
    signal: closed.signal,
    push: options.push
      ? {
          notify: (method, params) =>
            write(JSON.stringify({ jsonrpc: '2.0', method, params })),
          closed: closed.signal,
        }
      : undefined,
  };
  // #endregion connection
  // #region dispatch
  function next() {
    while (waiting.length > 0 && inFlight < options.maxInFlight) {
      const line = waiting.shift()!;
      inFlight++;
      handle(line, origin).then(
        (reply) => {
          inFlight--;
          if (reply !== null) write(reply);
          next();
        },
        () => socket.destroy(),
      );
    }
    // The client has said its last word (FIN): answer every call it
    // is owed, then end our side too, as Go's ServeCodec does.
    if (ended && inFlight === 0 && waiting.length === 0) socket.end();
    const busy = waiting.length > 0 || socket.writableNeedDrain;
    if (busy) socket.pause();
    else socket.resume();
  }
  // #endregion dispatch
  // #region read
  socket.on('drain', next);
  socket.on('data', (chunk: Buffer) => {
    if (!socket.writable) return;
    try {
      waiting.push(...framer.push(chunk));
    } catch (error) {
      // A line too long: say so, then close, since the rest of the
      // stream can no longer be split into messages reliably.
      const why = (error as TransportError).message;
      write(
        JSON.stringify(errorResponse(null, rpcError('INVALID_REQUEST', why))),
      );
      socket.end();
      return;
    }
    next();
  });
  socket.once('end', () => {
    ended = true;
    next();
  });
  socket.setTimeout(options.idleMs, () => socket.end());
  socket.on('error', () => {});
  socket.once('close', () => closed.abort());
}
// #endregion read
