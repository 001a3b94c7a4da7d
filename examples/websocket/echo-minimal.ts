// The smallest WebSocket echo server: ws listening on a port of its
// own, every message sent straight back. Run it from a clone with
//
//   npx node examples/websocket/echo-minimal.ts
//
// It is the server most tutorials stop at. echo-server.ts, the one the
// playground runs, closes its two holes: one bad frame from any client
// ends the whole process, and one message may take 100 MiB of memory.

import { WebSocketServer } from 'ws';

// #region minimal
/** Echoes every message on `port`: text as text, binary as binary. */
export function listenEcho(port: number) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      ws.send(data, { binary: isBinary });
    });
  });
  return wss;
}
// #endregion minimal

if (import.meta.main) {
  const wss = listenEcho(Number(process.env['PORT'] ?? 9001));
  wss.on('listening', () => {
    const { address, port } = wss.address() as {
      address: string;
      port: number;
    };
    console.log(`listening on ${address}:${port}`);
  });
}
