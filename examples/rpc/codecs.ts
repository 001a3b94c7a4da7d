// Codecs: how a message becomes bytes, apart from how bytes travel.
//
// Go's net/rpc encodes with gob by default and jsonrpc swaps in JSON;
// the transport (TCP or HTTP) is a separate choice. The same split
// holds here: a codec turns a message into text or bytes and back,
// and the server core never sees either.
//
// gob's counterpart is MessagePack. gob describes each type once per
// stream and then sends only values, which makes it compact but
// Go-only and stateful. MessagePack is schemaless and
// self-contained per message, with libraries in dozens of languages, so
// a browser and a Go program can both read it.

import { decode, encode } from '@msgpack/msgpack';
import { type RpcError, rpcError } from './errors.ts';
import type { JsonRpcServer, Later, Origin } from './server.ts';
import { errorResponse, settle } from './server.ts';

// #region codec
// #region interface
/** Encodes messages for the wire and decodes them back. */
export interface Codec {
  name: 'json' | 'msgpack';
  /** The HTTP Content-Type of an encoded message. */
  contentType: string;
  encode(message: unknown): string | Uint8Array<ArrayBuffer>;
  /** Throws -32700 Parse error for anything it cannot read. */
  decode(data: string | Uint8Array): unknown;
}
// #endregion interface

// #region json
/** JSON: text, readable by eye and by every language. */
export const json: Codec = {
  name: 'json',
  contentType: 'application/json',
  encode: (message) => JSON.stringify(message),
  decode(data) {
    try {
      const text = typeof data === 'string' ? data : utf8.decode(data);
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw rpcError('PARSE_ERROR', (error as Error).message);
    }
  },
};
// #endregion json

// #region msgpack
/** MessagePack: binary, smaller, and just as schemaless. */
export const msgpack: Codec = {
  name: 'msgpack',
  contentType: 'application/vnd.msgpack',
  encode: (message) => encode(message),
  decode(data) {
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    // Every element takes at least a byte, so no honest array or map
    // is longer than the message: a header claiming more is a lie.
    const max = bytes.length;
    try {
      return decode(bytes, { maxArrayLength: max, maxMapLength: max });
    } catch (error) {
      throw rpcError('PARSE_ERROR', (error as Error).message);
    }
  },
};
// #endregion msgpack
// #endregion codec

const utf8 = {
  decoder: new TextDecoder('utf-8', { fatal: true }),
  decode(bytes: Uint8Array) {
    return this.decoder.decode(bytes);
  },
  encode: (text: string) => new TextEncoder().encode(text),
};

// #region answer
/**
 * Decodes `data`, lets the server answer it, and encodes the answer:
 * all a transport needs. Null means nothing is to be sent back.
 */
export function answer(
  server: JsonRpcServer,
  codec: Codec,
  data: string | Uint8Array,
  origin: Origin = {},
): Later<string | Uint8Array | null> {
  let message: unknown;
  try {
    message = codec.decode(data);
  } catch (error) {
    // Unreadable: there is no id to answer to, so the id is null.
    return codec.encode(errorResponse(null, error as RpcError));
  }
  return settle(server.receive(message, origin), (reply) =>
    reply === null ? null : codec.encode(reply),
  );
}
// #endregion answer
