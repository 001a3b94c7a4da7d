// The sockets part's endpoints (docs/sockets/): the TCP and UDP echo
// servers on their own ports, GET /sockets/echo saying where they
// are, and GET /sockets/connection describing the caller's own
// connection.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowMethods, sendJson } from '../../examples/http-reply.ts';
import { reportConnection } from '../../examples/sockets/connection-report.ts';
import type { EchoServerInfo } from '../../examples/sockets/echo-servers.ts';
import { listenTcpEcho, type TcpEchoServer } from '../../examples/sockets/tcp-echo-server.ts';
import { listenUdpEcho, type UdpEchoServer } from '../../examples/sockets/udp-echo-server.ts';
import type { Config } from '../config.ts';
import type { Mount, RequestHandler } from '../mount.ts';

/** The echo servers, started by start() and closed by close(). */
export function socketsMount(config: Config): Mount {
  let tcp: TcpEchoServer | undefined;
  let udp: UdpEchoServer | undefined;

  const echo = (): EchoServerInfo | undefined =>
    tcp &&
    udp && {
      tcp: {
        port: tcp.port,
        maxLineBytes: config.tcpEchoMaxLineBytes,
        idleTimeoutMs: config.tcpEchoIdleTimeoutMs,
      },
      udp: { port: udp.port, maxDatagramBytes: config.udpEchoMaxDatagramBytes },
    };

  return {
    name: 'sockets',
    http: {
      '/sockets/connection': onlyGet((req, res) => {
        sendJson(res, 200, reportConnection(req));
      }),
      '/sockets/echo': onlyGet((_, res) => {
        const info = echo();
        if (info) sendJson(res, 200, info);
        else sendJson(res, 503, { error: 'the echo servers have not started' });
      }),
    },
    async start() {
      tcp = await listenTcpEcho({
        host: config.host,
        port: config.tcpEchoPort,
        maxLineBytes: config.tcpEchoMaxLineBytes,
        idleTimeoutMs: config.tcpEchoIdleTimeoutMs,
        maxConnections: config.tcpEchoMaxConnections,
      }).catch((error: Error) => {
        throw portError('TCP_ECHO_PORT', config.tcpEchoPort, error);
      });
      udp = await listenUdpEcho({
        host: config.host,
        port: config.udpEchoPort,
        maxDatagramBytes: config.udpEchoMaxDatagramBytes,
      }).catch(async (error: Error) => {
        await tcp?.close();
        throw portError('UDP_ECHO_PORT', config.udpEchoPort, error);
      });
    },
    health: () => ({
      tcpEcho: tcp && {
        port: tcp.port,
        connections: tcp.connections(),
        bufferedBytes: tcp.bufferedBytes(),
      },
      udpEcho: udp && { port: udp.port, ...udp.counts },
    }),
    async close() {
      await Promise.all([tcp?.close(), udp?.close()]);
    },
  };
}

/** Answers anything but GET and HEAD with 405. */
function onlyGet(handler: RequestHandler): RequestHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (allowMethods(req, res, ['GET', 'HEAD'])) handler(req, res);
  };
}

/** A port that cannot be had, with the setting that changes it. */
function portError(setting: string, port: number, cause: Error) {
  const code = (cause as NodeJS.ErrnoException).code;
  const why = code === 'EADDRINUSE' ? 'is already in use' : `failed: ${cause.message}`;
  return new Error(
    `port ${port} for ${setting} ${why}; set ${setting} to another port (0 picks a free one)`,
    { cause },
  );
}
