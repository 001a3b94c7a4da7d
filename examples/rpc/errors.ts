// Every way an RPC can fail, made in one place.
//
// Go's net/rpc has one kind of failure, the `error` a method returns,
// which travels as a string. JSON-RPC 2.0 gives each failure a number
// and fixes the message of its five standard ones, so a client can
// tell "you sent bad JSON" from "that method does not exist" without
// reading prose. The detail, what exactly was wrong, goes in `data`.

import type { ErrorObject } from './messages.ts';

// #region table
/** Each error a call can end in: its code and its fixed message. */
export const ERRORS = {
  // The specification's own, with its own messages.
  PARSE_ERROR: { code: -32700, message: 'Parse error' },
  INVALID_REQUEST: { code: -32600, message: 'Invalid Request' },
  METHOD_NOT_FOUND: { code: -32601, message: 'Method not found' },
  INVALID_PARAMS: { code: -32602, message: 'Invalid params' },
  INTERNAL_ERROR: { code: -32603, message: 'Internal error' },
  // -32000 to -32099 are left to each server: these are ours.
  TIME_LIMIT: { code: -32000, message: 'Time limit exceeded' },
  TOO_BUSY: { code: -32001, message: 'Too many calls in flight' },
  NO_PUSH: { code: -32002, message: 'This transport cannot push' },
  // Anything outside -32768..-32000 belongs to the services.
  DIVIDE_BY_ZERO: { code: 1, message: 'divide by zero' },
  OUT_OF_RANGE: { code: 2, message: 'result out of range' },
} as const;
// #endregion table

/** The name of an error in the table, e.g. "INVALID_PARAMS". */
export type ErrorName = keyof typeof ERRORS;

// #region class
/** A failed call, as it travels in a response's `error` member. */
export class RpcError extends Error {
  override name = 'RpcError';
  readonly code: number;
  /** The fixed message for the code, e.g. "Invalid params". */
  readonly summary: string;
  /** What exactly went wrong; the response's `error.data`. */
  readonly data: string | undefined;

  constructor(code: number, summary: string, data?: string) {
    super(data === undefined ? summary : `${summary}: ${data}`);
    this.code = code;
    this.summary = summary;
    this.data = data;
  }

  /** The error object a response carries; never a stack trace. */
  toJSON(): ErrorObject {
    const { code, summary: message, data } = this;
    return data === undefined ? { code, message } : { code, message, data };
  }
}

/** Makes the error named `name`, with `data` saying why. */
export function rpcError(name: ErrorName, data?: string): RpcError {
  const { code, message } = ERRORS[name];
  return new RpcError(code, message, data);
}
// #endregion class

/** An error object as it came over the wire, as an RpcError. */
export function fromErrorObject(error: ErrorObject): RpcError {
  const data =
    typeof error.data === 'string'
      ? error.data
      : error.data === undefined
        ? undefined
        : JSON.stringify(error.data);
  return new RpcError(error.code, error.message, data);
}

/**
 * A refusal before JSON-RPC is reached: the HTTP status or the reason
 * a connection is closed, e.g. a body too large to read.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly code: TransportErrorCode;
  /** The HTTP status this refusal is answered with. */
  readonly status: number;

  constructor(code: TransportErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = TRANSPORT_STATUS[code];
  }
}

const TRANSPORT_STATUS = {
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
} as const;

/** The stable code of a TransportError. */
export type TransportErrorCode = keyof typeof TRANSPORT_STATUS;

/** An error from a Go net/rpc server: Go's errors are only text. */
export class GoRpcError extends Error {
  override name = 'GoRpcError';
  readonly code = 'GO_RPC_ERROR';
}
