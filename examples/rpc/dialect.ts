// How a client's calls look on the wire. JSON-RPC 2.0 is one dialect;
// Go's jsonrpc (go-codec.ts) is another. The client core is the same
// for both: it asks its dialect to write a request and to read what
// comes back.

import { fromErrorObject } from './errors.ts';
import {
  type Id,
  isPlainObject,
  isResponse,
  type Json,
  type Notification,
  type Params,
  type Request,
} from './messages.ts';

/** One call's outcome, as a batch reports it. */
export type Settled = { ok: true; result: Json } | { ok: false; error: Error };

/** What an incoming message means to the client. */
export type Incoming =
  | { id: Id; outcome: Settled }
  | { method: string; params: Params | undefined };

// #region dialect
/** Writes requests and reads replies in one wire format. */
export interface Dialect {
  request(method: string, params: Params | undefined, id: number): unknown;
  notification(method: string, params: Params | undefined): unknown;
  read(message: unknown): Incoming[];
}
// #endregion dialect

/** JSON-RPC 2.0's wire format. */
export const jsonRpc2: Dialect = {
  // Absent params are left out, not sent as null (which is invalid).
  request: (method, params, id): Request =>
    params === undefined
      ? { jsonrpc: '2.0', method, id }
      : { jsonrpc: '2.0', method, params, id },
  notification: (method, params): Notification =>
    params === undefined
      ? { jsonrpc: '2.0', method }
      : { jsonrpc: '2.0', method, params },
  read(message) {
    const items = Array.isArray(message) ? message : [message];
    return items.flatMap((item): Incoming[] => {
      if (isResponse(item)) {
        const outcome: Settled =
          'error' in item
            ? { ok: false, error: fromErrorObject(item.error) }
            : { ok: true, result: item.result };
        return [{ id: item.id, outcome }];
      }
      // A request without an id is the server's own notification.
      if (
        isPlainObject(item) &&
        typeof item['method'] === 'string' &&
        !('id' in item)
      ) {
        const params = item['params'] as Params | undefined;
        return [{ method: item['method'], params }];
      }
      return [];
    });
  },
};
