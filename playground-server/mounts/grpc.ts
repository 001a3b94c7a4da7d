// The gRPC part's endpoints (docs/rpc/grpc.mdx): Arith and Clock from
// examples/grpc/, over Connect and gRPC-Web under /connect/ on the
// HTTP port, and over gRPC on an HTTP/2 port of their own.

import { grpcHandler, serveHttp2 } from '../../examples/grpc/serve.ts';
import type { Config } from '../config.ts';
import type { Mount } from '../mount.ts';

/** /connect/… and GRPC_PORT. */
export function grpcMount(config: Config): Mount {
  const shutdown = new AbortController();
  const limits = {
    maxMessageBytes: config.grpcMaxMessageBytes,
    timeLimitMs: config.grpcCallTimeLimitMs,
    shutdownSignal: shutdown.signal,
  };
  const http2 = serveHttp2(grpcHandler({ ...limits, prefix: '' }), {
    maxStreams: config.grpcMaxStreams,
    maxConnections: config.grpcMaxConnections,
    idleMs: config.grpcIdleTimeoutMs,
  });
  const ports = { port: 0 };
  return {
    name: 'grpc',
    http: { '/connect/': grpcHandler({ ...limits, prefix: '/connect' }) },
    async start() {
      try {
        ports.port = await http2.listen(config.grpcPort, config.host);
      } catch (error) {
        throw new Error(
          `GRPC_PORT=${config.grpcPort}: ${(error as Error).message}; ` +
            'set GRPC_PORT to another port (0 picks a free one)',
        );
      }
    },
    health: () => ({ ...ports }),
    async close() {
      shutdown.abort();
      await http2.close(config.shutdownGraceMs);
    },
  };
}
