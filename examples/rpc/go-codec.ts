// Go's jsonrpc wire format, both ways.
//
// Go's net/rpc/jsonrpc predates JSON-RPC 2.0 and speaks its 1.0
// style: no "jsonrpc" member, params always an array holding the one
// argument, and every response carrying both result and error, one
// of them null. Errors are text, since a Go error is:
//
// #region wire
//   → {"method":"Arith.Multiply","params":[{"A":7,"B":8}],"id":0}
//   ← {"id":0,"result":56,"error":null}
//   → {"method":"Arith.Divide","params":[{"A":17,"B":5}],"id":1}
//   ← {"id":1,"result":{"Quo":3,"Rem":2},"error":null}
//   → {"method":"Arith.Divide","params":[{"A":1,"B":0}],"id":2}
//   ← {"id":2,"result":null,"error":"divide by zero"}
// #endregion wire
//
// A codec is only a translation. So the server side below turns
// Go's requests into JSON-RPC 2.0 ones for the same core, and the
// client side is a Dialect for the same JsonRpcClient.

import type { Dialect, Settled } from './dialect.ts';
import { GoRpcError } from './errors.ts';
import {
  type ErrorObject,
  isParams,
  isPlainObject,
  type Json,
  type Params,
  type Response,
} from './messages.ts';
import type { LineHandler } from './serve-tcp.ts';
import type { JsonRpcServer } from './server.ts';

/** A response in Go's format. */
interface GoResponse {
  id: unknown;
  result: Json;
  error: string | null;
}

/** Go's own words for a request with no params. */
const MISSING_PARAMS = 'jsonrpc: request body missing params';
const NOT_AN_ARRAY = 'jsonrpc: params must be an array holding the argument';

// #region server
/** Answers lines in Go's format with a JSON-RPC 2.0 server. */
export function goLines(server: JsonRpcServer): LineHandler {
  return async (line) => {
    let request: unknown;
    try {
      request = JSON.parse(new TextDecoder().decode(line));
    } catch (error) {
      // Go's server hangs up here; an answer saying why is kinder.
      return reply(null, null, `rpc: ${(error as Error).message}`);
    }
    if (!isPlainObject(request) || typeof request['method'] !== 'string') {
      return reply(null, null, 'rpc: want {"method": "T.M", "params": [arg]}');
    }
    // Like Go: the id comes back as sent, and null when there was none
    // (Go answers every request: it has no notifications).
    const { method, params, id = null } = request;
    if (params === undefined) return reply(id, null, MISSING_PARAMS);
    if (!Array.isArray(params) || params.length === 0) {
      return reply(id, null, NOT_AN_ARRAY);
    }
    const answer = (await server.receive({
      jsonrpc: '2.0',
      method,
      params: asParams(params[0] as Json),
      id: 0,
    })) as Response;
    return 'error' in answer
      ? reply(id, null, goText(answer.error))
      : reply(id, answer.result, null);
  };
}
// #endregion server

/**
 * Go sends one argument (and ignores any after it). A struct becomes
 * params by name, a slice params by position, anything else the one
 * param.
 */
function asParams(arg: Json): Params {
  return isParams(arg) ? arg : [arg];
}

function reply(id: unknown, result: Json, error: string | null) {
  const response: GoResponse = { id: id ?? null, result, error };
  return JSON.stringify(response);
}

/** A JSON-RPC 2.0 error as Go's text, e.g. "divide by zero". */
function goText(error: ErrorObject) {
  return error.data === undefined
    ? error.message
    : `${error.message}: ${String(error.data)}`;
}

// #region client
/** Go's format, for a JsonRpcClient calling a Go server. */
export const goDialect: Dialect = {
  request: (method, params, id) => ({ method, params: [params ?? null], id }),
  notification() {
    throw new Error("Go's net/rpc has no notifications");
  },
  read(message) {
    if (!isPlainObject(message) || typeof message['id'] !== 'number') {
      return [];
    }
    const { id, result, error } = message;
    const outcome: Settled =
      error === null || error === undefined
        ? { ok: true, result: (result ?? null) as Json }
        : { ok: false, error: new GoRpcError(String(error)) };
    return [{ id, outcome }];
  },
};
// #endregion client
