// One node:http server for everything: the playground's endpoints
// first, then the built site. Tests start it on port 0; main.ts on PORT.
//
// The HTTP limits of the connection live here: how long a client may
// take to send its head and its body, how large its head may be, how
// many connections may be open. Each refusal is an HTTP status with a
// body that says why. Those on the request itself (a target that is
// no URL, too many header lines) are request-guards.ts, which the
// playground applies wherever it is hosted.
//
// Shutting down drains: the port stops accepting, /healthz says
// "draining", requests already in flight are answered (on connections
// then closed), WebSockets get 1001, the mounts' TCP and UDP ports
// close, and whatever is still open after SHUTDOWN_GRACE_MS is cut.
//
// With TLS_PORT, a second, TLS server serves the same handlers with
// the same limits: HTTPS and wss for every path (tls-files.ts says
// which certificate).

import { existsSync } from 'node:fs';
import {
  createServer,
  type Server,
  type ServerOptions,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { refuseUpgrade } from '../examples/http-reply.ts';
import { createPlayground, mountsFor, type Playground } from './app.ts';
import { type Config, ConfigError } from './config.ts';
import { connectSharedRedis, whenUp } from './shared-redis.ts';
import { createStaticSite, siteMissing } from './static-site.ts';
import { loadTlsFiles, type TlsFiles } from './tls-files.ts';

/** How long a start waits for Redis before it listens anyway. */
const REDIS_START_WAIT_MS = 5_000;

/** A running playground server. */
export interface RunningServer {
  /** Its origin, e.g. http://127.0.0.1:8080 */
  url: string;
  server: Server;
  playground: Playground;
  /** The TLS port, unless TLS_PORT is off. */
  tls: { url: string; server: Server; files: TlsFiles } | null;
  /** Drains: in-flight requests finish, WebSockets get 1001, then it closes. */
  close(): Promise<void>;
}

/** Starts the playground and the site on config.host:config.port. */
export async function startServer(config: Config): Promise<RunningServer> {
  const tlsFiles = config.tlsPort === null ? null : await loadTlsFiles(config);
  let tlsPort = 0;
  const redis = connectSharedRedis(config.redisUrl);
  const playground = createPlayground(
    config,
    mountsFor(
      config,
      tlsFiles && {
        port: () => tlsPort,
        certificate: tlsFiles.cert,
        fingerprint256: tlsFiles.fingerprint256,
      },
      redis,
    ),
    redis,
  );
  await playground.start();
  // A load balancer sends visitors as soon as the port is open: give
  // Redis a moment first, so they do not meet 503s a second later. A
  // Redis that is down does not stop the start; what needs it answers
  // 503 until it is back.
  if (redis) await whenUp(redis, REDIS_START_WAIT_MS);
  const site =
    config.siteDir === null
      ? siteMissing('a site directory')
      : existsSync(config.siteDir)
        ? createStaticSite(config.siteDir)
        : siteMissing(config.siteDir);

  // Requests being answered, and the sockets they came on.
  const inFlight = new Map<ServerResponse, Socket>();
  let draining = false;

  const options: ServerOptions = {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    maxHeaderSize: config.maxHeaderBytes,
    // Node checks both timeouts this often; its default, 30 s, would
    // let a client that never finishes its headers stay that long.
    connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs / 2),
  };

  /** Gives `server` the playground's handlers and limits. */
  const serve = (server: Server) => {
    server.on('request', (req, res) => {
      inFlight.set(res, req.socket);
      res.once('close', () => inFlight.delete(res));
      // No new request on a connection that is being drained.
      if (draining) res.setHeader('connection', 'close');
      // The request guards (request-guards.ts) come first in there.
      playground.handleRequest(req, res, () => site(req, res));
    });
    // One more than the limit, so that a request over it can be told.
    server.maxHeadersCount = config.maxHeaders + 1;
    server.maxConnections = config.maxConnections;

    server.on('upgrade', (req, socket, head) => {
      if (!playground.handleUpgrade(req, socket, head)) {
        socket.on('error', () => socket.destroy());
        refuseUpgrade(socket, 404, 'WebSocket endpoints live under /ws/');
      }
    });

    // What Node's parser refuses (a head too large, a head or body too
    // slow, bytes that are not HTTP) is answered here, with a body.
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      // Once a response on this socket has begun, another answer would
      // be read as part of it: only cut the connection. A request whose
      // answer has not begun (its body never finished arriving) gets
      // the refusal as its answer.
      const busy = [...inFlight].some(([res, on]) => on === socket && res.headersSent);
      // A failed or timed-out TLS handshake (https.Server passes them
      // on as client errors) has no HTTP to answer, and no channel to
      // answer on.
      const handshakeFailed = /^ERR_(TLS|SSL)_/.test(error.code ?? '');
      if (error.code === 'ECONNRESET' || !socket.writable || busy || handshakeFailed) {
        socket.destroy();
        return;
      }
      const [status, why] = clientErrorAnswer(error, config);
      // An answer to HEAD has no body, and a client would take one for
      // garbage: the method is the first word of what was received.
      const packet = (error as { rawPacket?: Buffer }).rawPacket;
      const head = packet?.subarray(0, 5).toString('latin1') === 'HEAD ';
      refuseUpgrade(socket, status, head ? null : why);
    });
    return server;
  };

  const server = serve(createServer(options));
  const tlsServer =
    tlsFiles &&
    serve(
      createHttpsServer({
        ...options,
        cert: tlsFiles.cert,
        key: tlsFiles.key,
        // A client that opens TCP and never finishes the handshake
        // is held to the same time as one that never sends its head.
        handshakeTimeout: config.headersTimeoutMs,
      }),
    );

  await listen(server, config.port, config.host);
  if (tlsServer && config.tlsPort !== null) {
    try {
      await listen(tlsServer, config.tlsPort, config.host);
    } catch (error) {
      await new Promise((resolve) => server.close(resolve));
      await playground.close();
      throw new ConfigError(
        `cannot listen for TLS on ${config.host}:${config.tlsPort} ` +
          `(${(error as NodeJS.ErrnoException).code}); set TLS_PORT to another port, or off`,
      );
    }
    tlsPort = (tlsServer.address() as AddressInfo).port;
  }
  // After listening, an error (such as running out of file
  // descriptors while accepting) is logged; the server goes on.
  for (const each of [server, tlsServer]) {
    each?.on('error', (error) => console.error('wirebook: server error:', error));
  }

  let closing: Promise<void> | undefined;
  const shutDown = async () => {
    draining = true;
    playground.drain();
    const servers = tlsServer ? [server, tlsServer] : [server];
    const closed = Promise.all(servers.map((each) => new Promise((r) => each.close(r))));
    // Requests in flight are answered; their connections then close.
    for (const [res, socket] of inFlight) {
      if (!res.headersSent) res.setHeader('connection', 'close');
      else res.once('finish', () => socket.end());
    }
    const cutOff = setTimeout(() => {
      for (const each of servers) each.closeAllConnections();
    }, config.shutdownGraceMs);
    await playground.close();
    for (const each of servers) each.closeIdleConnections();
    await closed;
    clearTimeout(cutOff);
  };

  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    playground,
    tls: tlsServer &&
      tlsFiles && { url: `https://${host}:${tlsPort}`, server: tlsServer, files: tlsFiles },
    // Closing twice (a signal during shutdown, a test's cleanup) waits
    // for the one shutdown already under way.
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

/** Listens on `port`, or rejects with why it cannot. */
function listen(server: Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The status and reason for what the HTTP parser refused. */
function clientErrorAnswer(error: NodeJS.ErrnoException, config: Config): [number, string] {
  switch (error.code) {
    // Node's parser reports both limits with this one code: a head
    // too large, and (well past MAX_HEADERS) too many header lines.
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        `The request head is over ${config.maxHeaderBytes} bytes ` +
          `or has more than ${config.maxHeaders} header lines, ` +
          'the most this server reads',
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [
        408,
        `The request did not arrive in time: its head within ` +
          `${config.headersTimeoutMs / 1000} s, all of it within ` +
          `${config.requestTimeoutMs / 1000} s`,
      ];
    default:
      return [
        400,
        `This is not an HTTP/1.1 request this server can read ` +
          `(${STATUS_CODES[400]}: ${error.code ?? error.message})`,
      ];
  }
}
