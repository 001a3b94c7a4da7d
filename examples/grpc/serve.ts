// Serving Arith and Clock: one connect-node handler speaks all three
// protocols, told apart by Content-Type (application/grpc…,
// application/grpc-web…, application/json or application/proto and
// their +connect stream forms). Mounted on the HTTP/1.1 server it
// serves Connect and gRPC-Web to browsers; on an HTTP/2 server of its
// own it serves gRPC to programs, which needs HTTP/2 for its trailers.

import { createServer, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { Code } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { routes } from './services.ts';
import { timeLimit } from './time-limit.ts';

/** A request handler for node:http and node:http2 alike. */
export type NodeHandlerFn = ReturnType<typeof connectNodeAdapter>;

/** What the handler holds each call to. */
export interface HandlerOptions {
  /** Paths start with this, e.g. "/connect"; "" for plain gRPC paths. */
  prefix: string;
  /** The largest message either way; larger is resource_exhausted. */
  maxMessageBytes: number;
  /** How long a unary call may run (time-limit.ts). */
  timeLimitMs: number;
  /** Aborted when the server shuts down: streams end with unavailable. */
  shutdownSignal: AbortSignal;
}

// #region handler
/** The handler for every call, in every protocol. */
export function grpcHandler(options: HandlerOptions): NodeHandlerFn {
  return connectNodeAdapter({
    routes,
    requestPathPrefix: options.prefix,
    // A message's length comes first (gRPC's 5-byte prefix, or the
    // body's Content-Length): a larger one is refused unread.
    readMaxBytes: options.maxMessageBytes,
    writeMaxBytes: options.maxMessageBytes,
    // protobuf's JSON mapping rejects unknown fields by default, as
    // JSON-RPC's -32602 does here: a typo is an error, not a zero.
    jsonOptions: { ignoreUnknownFields: false },
    interceptors: [timeLimit(options.timeLimitMs)],
    shutdownSignal: options.shutdownSignal,
    fallback: unimplemented,
  });
}
// #endregion handler

// #region unimplemented
/**
 * A path that names no method. connect-node's own answer is a bare
 * 404, which gRPC clients read as unimplemented too; this says which
 * path, in each protocol's own form: gRPC and gRPC-Web put the status
 * in headers with no body (trailers-only), Connect answers 404 with
 * its JSON error.
 */
export const unimplemented: NodeHandlerFn = (req, res) => {
  const type = req.headers['content-type'] ?? '';
  const message = `no method at ${req.url}`;
  if (type.startsWith('application/grpc')) {
    res.statusCode = 200;
    res.setHeader('content-type', type);
    res.setHeader('grpc-status', String(Code.Unimplemented));
    res.setHeader('grpc-message', encodeURIComponent(message));
    res.end();
    return;
  }
  const body = JSON.stringify({ code: 'unimplemented', message });
  res.statusCode = 404;
  res.setHeader('content-type', 'application/json');
  res.end(body);
};
// #endregion unimplemented

/** Limits of the HTTP/2 port. */
export interface PortOptions {
  /** Streams one connection may have open (SETTINGS_MAX_CONCURRENT_STREAMS). */
  maxStreams: number;
  maxConnections: number;
  /** A connection with no stream activity this long gets GOAWAY. */
  idleMs: number;
}

// #region port
/** gRPC over cleartext HTTP/2 (h2c), as programs call it. */
export function serveHttp2(handler: NodeHandlerFn, options: PortOptions) {
  const sessions = new Set<Http2Session>();
  const server = createServer(
    // The peer learns the stream limit from the SETTINGS frame. nghttp2
    // resets a stream beyond it with REFUSED_STREAM until the peer has
    // acknowledged the limit, and ends the connection with GOAWAY after.
    { settings: { maxConcurrentStreams: options.maxStreams } },
    handler,
  );
  server.maxConnections = options.maxConnections;
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    session.setTimeout(options.idleMs, () => session.close());
  });
  // Bytes that are not HTTP/2 end their own connection, nothing more:
  // nghttp2 answers with GOAWAY (PROTOCOL_ERROR), and the error lands
  // here instead of becoming uncaught.
  server.on('sessionError', () => {});
  server.on('streamError', () => {});
  return {
    server,
    listen(port: number, host: string) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    /** GOAWAY to every connection; those still open after `graceMs` are cut. */
    async close(graceMs: number) {
      const closed = new Promise<void>((resolve) =>
        server.close(() => resolve()),
      );
      for (const session of sessions) session.close();
      const cut = setTimeout(() => {
        for (const session of sessions) session.destroy();
      }, graceMs);
      await closed;
      clearTimeout(cut);
    },
  };
}
// #endregion port
