// The plain baselines the playground is measured against, in one
// process: what a programmer would write with node:http and ws alone,
// with no limits, routing, logging or Origin checks. It serves the
// same paths as the playground, so a load generator can point at
// either:
//
//   POST /rpc       a JSON-RPC 2.0 Arith.Multiply, and nothing else
//   WS /ws/echo     every message back, as ws's README shows
//   WS /ws/rpc      the same Arith.Multiply, one request a message
//   WS /ws/push     every message sent to every client
//
//   node bench/support/baseline-server.ts     (prints its address)

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, WebSocketServer } from 'ws';
import { upgrade } from '../../examples/websocket/echo-server.ts';

/** The playground's default WS_MAX_MESSAGE_BYTES, for a fair parse. */
const MAX_PAYLOAD = 64 * 1024;

interface Request {
  id?: unknown;
  method?: unknown;
  params?: { A?: unknown; B?: unknown };
}

/** Arith.Multiply, or the JSON-RPC error a bare handler would give. */
function multiply(text: string) {
  let request: Request;
  try {
    request = JSON.parse(text) as Request;
  } catch {
    return { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } };
  }
  const { A, B } = request.params ?? {};
  if (request.method !== 'Arith.Multiply' || typeof A !== 'number' || typeof B !== 'number') {
    return {
      jsonrpc: '2.0',
      id: request.id ?? null,
      error: { code: -32601, message: 'Method not found' },
    };
  }
  return { jsonrpc: '2.0', id: request.id, result: A * B };
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/rpc') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.stringify(multiply(Buffer.concat(chunks).toString()));
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  });
});

const echo = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
echo.on('connection', (ws) => {
  ws.on('message', (data: RawData, isBinary: boolean) => ws.send(data, { binary: isBinary }));
  ws.on('error', () => {});
});

const rpc = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
rpc.on('connection', (ws) => {
  ws.on('message', (data: RawData) => ws.send(JSON.stringify(multiply(data.toString()))));
  ws.on('error', () => {});
});

const push = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
push.on('connection', (ws) => {
  ws.on('message', (data: RawData) => {
    const text = data.toString();
    for (const client of push.clients) client.send(text);
  });
  ws.on('error', () => {});
});

const routes: Record<string, WebSocketServer> = {
  '/ws/echo': echo,
  '/ws/rpc': rpc,
  '/ws/push': push,
};
server.on('upgrade', (req, socket, head) => {
  const wss = routes[req.url ?? ''];
  if (!wss) {
    socket.destroy();
    return;
  }
  upgrade(wss, req, socket, head);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Baseline is running at http://127.0.0.1:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(0));
}
