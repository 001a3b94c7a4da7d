// The shapes of JSON-RPC 2.0 messages, as types and as checks.
//
// The specification is short: a request names a method and may carry
// params and an id; a response carries the same id and exactly one of
// `result` and `error`. A request without an id is a notification,
// and nothing is sent back for it. An array of requests is a batch.

/** Any value JSON can carry. */
export type Json =
  | null
  | boolean
  | number
  | string
  | Json[]
  | { [key: string]: Json };

/** What an id may be: a string, a number, or null. */
export type Id = string | number | null;

/** Params are given by position (an array) or by name (an object). */
export type Params = Json[] | { [key: string]: Json };

// #region shapes
/** A call that wants an answer. */
export interface Request {
  jsonrpc: '2.0';
  method: string;
  params?: Params;
  id: Id;
}

/** A call that wants none: no id, and so no response. */
export interface Notification {
  jsonrpc: '2.0';
  method: string;
  params?: Params;
}

/** The error member of a failed call's response. */
export interface ErrorObject {
  code: number;
  message: string;
  data?: Json;
}

/** The answer to one request: exactly one of result and error. */
export type Response =
  | { jsonrpc: '2.0'; result: Json; id: Id }
  | { jsonrpc: '2.0'; error: ErrorObject; id: Id };
// #endregion shapes

/** True for a plain object from JSON (not an array, not a class). */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for an id the specification allows. */
export function isId(value: unknown): value is Id {
  return (
    value === null ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** True for params the specification allows. */
export function isParams(value: unknown): value is Params {
  return Array.isArray(value) || isPlainObject(value);
}

/** True when `value` is a well-formed response object. */
export function isResponse(value: unknown): value is Response {
  if (!isPlainObject(value) || value['jsonrpc'] !== '2.0') return false;
  if (!('id' in value) || !isId(value['id'])) return false;
  const keys = Object.keys(value).sort().join();
  if (keys === 'id,jsonrpc,result') {
    return value['result'] !== undefined;
  }
  if (keys !== 'error,id,jsonrpc') return false;
  const error = value['error'];
  const members = ['code', 'message', 'data'];
  return (
    isPlainObject(error) &&
    Number.isInteger(error['code']) &&
    typeof error['message'] === 'string' &&
    Object.keys(error).every((key) => members.includes(key))
  );
}
