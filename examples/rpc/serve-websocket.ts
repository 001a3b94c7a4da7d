// JSON-RPC over WebSocket: every message is one request or batch,
// answered in a message of the same kind: text frames carry JSON,
// binary frames MessagePack. The connection stays open, so the server
// can also send notifications of its own, which HTTP cannot.

import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { answer, type Codec, json, msgpack } from './codecs.ts';
import { rpcError } from './errors.ts';
import type { Push } from './registry.ts';
import { type JsonRpcServer, settle } from './server.ts';

/** Limits of the WebSocket endpoint. */
export interface WebSocketOptions {
  /** The largest message; a larger one closes with 1009. */
  maxPayload: number;
  /** Calls one connection may have running; more get -32001. */
  maxInFlight: number;
}

/** A WebSocketServer (attached to no port) serving `server`. */
export function serveWebSocket(
  server: JsonRpcServer,
  options: WebSocketOptions,
) {
  const { maxPayload } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload });
  wss.on('connection', (ws) => connection(ws, server, options));
  return wss;
}

// #region connection
function connection(
  ws: WebSocket,
  server: JsonRpcServer,
  options: WebSocketOptions,
) {
  const closed = new AbortController();
  // A caller's answers and pushes go out in the codec it used: text
  // frames of JSON, or binary frames of MessagePack.
  const inKind = (codec: Codec, binary: boolean) => {
    const reply = (message: string | Uint8Array | null) => {
      if (message !== null && ws.readyState === ws.OPEN) {
        ws.send(message, { binary });
      }
    };
    const push: Push = {
      notify: (method, params) =>
        reply(codec.encode({ jsonrpc: '2.0', method, params })),
      closed: closed.signal,
    };
    return { codec, reply, origin: { push, signal: closed.signal } };
  };
  const text = inKind(json, false);
  const binary = inKind(msgpack, true);
  let inFlight = 0;
  ws.on('message', (raw: RawData, isBinary: boolean) => {
    const { codec, reply, origin } = isBinary ? binary : text;
    // ws has already checked that a text message is UTF-8 (RFC 6455,
    // 8.1): it is read as text, with no second check.
    const data = isBinary ? toBytes(raw) : raw.toString();
    if (inFlight >= options.maxInFlight) {
      return reply(refuse(server, codec, data, options.maxInFlight));
    }
    inFlight++;
    void settle(answer(server, codec, data, origin), (message) => {
      inFlight--;
      reply(message);
    });
  });
  // ws closes a connection that breaks the protocol or sends too big
  // a message (1002, 1007, 1009), then emits 'error': handled here, so
  // one bad client never takes the process down.
  ws.on('error', () => {});
  ws.on('close', () => closed.abort());
}
// #endregion connection

function refuse(
  server: JsonRpcServer,
  codec: Codec,
  data: string | Uint8Array,
  max: number,
) {
  const why = rpcError('TOO_BUSY', `at most ${max} calls at once`);
  try {
    const refused = server.refuse(codec.decode(data), why);
    return refused === null ? null : codec.encode(refused);
  } catch {
    // Unreadable as well as unwelcome: still only "too busy".
    return codec.encode(server.refuse(null, why));
  }
}

function toBytes(raw: RawData): Uint8Array {
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw;
}
