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
//   → {"method":"Arith.Divide","params":[{"A":1,"B":0}],"id":1}
//   ← {"id":1,"result":null,"error":"divide by zero"}
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
  type Response,
} from './messages.ts';
import type { LineHandler } from './serve-tcp.ts';
import type { JsonRpcServer } from './server.ts';

/** A request in Go's format. */
interface GoRequest {
  method: string;
  params: [unknown];
  id?: unknown;
}

/** A response in Go's format. */
interface GoResponse {
  id: unknown;
  result: Json;
  error: string | null;
}

// #region server
/** Answers lines in Go's format with a JSON-RPC 2.0 server. */
export function goLines(server: JsonRpcServer): LineHandler {
  return async (line) => {
    let request: unknown;
    try {
      request = JSON.parse(new TextDecoder().decode(line));
    } catch (error) {
      return reply(null, null, `rpc: ${(error as Error).message}`);
    }
    if (!isGoRequest(request)) {
      return reply(
        null,
        null,
        'rpc: want {"method": "T.M", "params": [arg], "id": n}',
      );
    }
    // Go sends one argument. A struct becomes params by name, a
    // slice params by position, anything else the only param.
    const [arg] = request.params;
    const params = isParams(arg) ? arg : [arg as Json];
    const { method, id } = request;
    const answer = (await server.receive({
      jsonrpc: '2.0',
      method,
      params,
      id: 0,
    })) as Response;
    // Go echoes the id it was sent, whatever it is.
    return 'error' in answer
      ? reply(id, null, goText(answer.error))
      : reply(id, answer.result, null);
  };
}

/** A request as Go sends it. */
function isGoRequest(value: unknown): value is GoRequest {
  return (
    isPlainObject(value) &&
    typeof value['method'] === 'string' &&
    Array.isArray(value['params']) &&
    value['params'].length === 1
  );
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
// #endregion server

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
