// A JsonRpcClient over HTTP or over a WebSocket: the same client
// with a different `send`. Both work in a browser and in Node.

import { CloseCode } from '../websocket/close-codes.ts';
import { type CallOptions, JsonRpcClient } from './client.ts';
import { type Codec, json, msgpack } from './codecs.ts';

/** Sees each message as it goes out and comes in (a demo's io). */
export interface Tap {
  sent(data: string | Uint8Array): void;
  received(data: string | Uint8Array): void;
}

/** What the adapters share. */
export interface ClientOptions extends CallOptions {
  codec?: Codec;
  tap?: Tap;
}

// #region http
/** A client that POSTs each call (or batch) to `url`. */
export function overHttp(url: string, options: ClientOptions = {}) {
  const { codec = json, tap } = options;
  return new JsonRpcClient(async (message, signal) => {
    const body = codec.encode(message);
    tap?.sent(body);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': codec.contentType },
      body,
      signal,
    });
    // 204 No Content: the request held only notifications.
    if (response.status === 204) return null;
    const reply =
      codec === json
        ? await response.text()
        : new Uint8Array(await response.arrayBuffer());
    tap?.received(reply);
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}: ${reply}`);
    }
    return codec.decode(reply);
  }, options);
}
// #endregion http

// #region websocket
/** Opens a WebSocket to `url` and returns a client that uses it. */
export async function overWebSocket(
  WebSocketImpl: typeof WebSocket,
  url: string,
  options: ClientOptions = {},
) {
  const { codec = json, tap } = options;
  const ws = new WebSocketImpl(url);
  ws.binaryType = 'arraybuffer';
  const client = new JsonRpcClient((message) => {
    const data = codec.encode(message);
    ws.send(data);
    tap?.sent(data);
    // Replies arrive later, as messages, in any order.
    return undefined;
  }, options);
  ws.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
    const data =
      typeof event.data === 'string' ? event.data : new Uint8Array(event.data);
    tap?.received(data);
    // Text frames carry JSON and binary ones MessagePack. A message
    // that reads as neither answers no call, so it is dropped.
    const codec = typeof data === 'string' ? json : msgpack;
    try {
      client.receive(codec.decode(data));
    } catch {}
  };
  const closed = new Promise<number>((resolve) => {
    ws.onclose = (event) => {
      client.close(new Error(`connection closed with ${event.code}`));
      resolve(event.code);
    };
  });
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    void closed.then((code) => {
      reject(new Error(`could not connect (${code})`));
    });
  });
  options.signal?.addEventListener('abort', () => ws.close(CloseCode.NORMAL));
  return {
    client,
    /** Closes normally (1000); resolves with the close code. */
    close() {
      ws.close(CloseCode.NORMAL, 'done');
      return closed;
    },
  };
}
// #endregion websocket
