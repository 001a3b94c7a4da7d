// The RPC part's endpoints (docs/rpc/): one JSON-RPC server, from
// examples/rpc/, mounted on HTTP, WebSocket and two TCP ports.

import { goLines } from '../../examples/rpc/go-codec.ts';
import { serveHttp } from '../../examples/rpc/serve-http.ts';
import { jsonLines, serveTcp } from '../../examples/rpc/serve-tcp.ts';
import { serveWebSocket } from '../../examples/rpc/serve-websocket.ts';
import { createRpcServer } from '../../examples/rpc/services.ts';
import { upgrade } from '../../examples/websocket/echo-server.ts';
import type { Config } from '../config.ts';
import { limitedLog } from '../log-limit.ts';
import type { Mount } from '../mount.ts';

/** POST /rpc, WS /ws/rpc, and RPC_TCP_PORT and RPC_GO_PORT. */
export function rpcMount(config: Config): Mount {
  // A visitor can make `explode` fail at will: the log takes a burst
  // of failures, then RPC_ERROR_LOGS_PER_MINUTE, and counts the rest.
  const logFailure = limitedLog(config.rpcErrorLogsPerMinute);
  const server = createRpcServer({
    maxBatch: config.rpcMaxBatch,
    timeLimitMs: config.rpcCallTimeLimitMs,
    // The caller learns only that the call failed; the log, why.
    onInternalError: (error, method) => {
      logFailure(`rpc: ${method} failed: ${String(error)}`);
    },
  });
  const websocket = serveWebSocket(server, {
    maxPayload: config.rpcMaxBodyBytes,
    maxInFlight: config.rpcMaxInFlight,
  });
  const tcp = {
    maxLineBytes: config.rpcMaxBodyBytes,
    maxInFlight: config.rpcMaxInFlight,
    idleMs: config.rpcTcpIdleMs,
    maxConnections: config.rpcTcpMaxConnections,
  };
  const jsonTcp = serveTcp(jsonLines(server), { ...tcp, push: true });
  const goTcp = serveTcp(goLines(server), { ...tcp, push: false });
  const ports = { tcpPort: 0, goPort: 0 };
  /** Listens on a port, or fails naming the setting that chose it. */
  const listen = async (tcp: typeof jsonTcp, port: number, setting: string) => {
    try {
      return await tcp.listen(port, config.host);
    } catch (error) {
      throw new Error(
        `${setting}=${port}: ${(error as Error).message}; ` +
          `set ${setting} to another port (0 picks a free one)`,
      );
    }
  };
  return {
    name: 'rpc',
    http: { '/rpc': serveHttp(server, config.rpcMaxBodyBytes) },
    websockets: {
      '/ws/rpc': (req, socket, head) => upgrade(websocket, req, socket, head),
    },
    websocketServers: [websocket],
    async start() {
      try {
        ports.tcpPort = await listen(jsonTcp, config.rpcTcpPort, 'RPC_TCP_PORT');
        ports.goPort = await listen(goTcp, config.rpcGoPort, 'RPC_GO_PORT');
      } catch (error) {
        // Leave nothing listening behind a start that failed.
        await Promise.all([jsonTcp.close(), goTcp.close()]);
        throw error;
      }
    },
    health: () => ({ ...ports }),
    async close() {
      await Promise.all([jsonTcp.close(), goTcp.close()]);
    },
  };
}
