// The JSON-RPC client: calls out, replies matched back by id.
//
// Like the server, it does no I/O. It is given a `send` function
// (over HTTP, a WebSocket, TCP) and is handed every message that
// comes back through `receive`. Each call gets a fresh id, so many
// can be in flight at once and replies may arrive in any order.

import { fromErrorObject } from './errors.ts';
import {
  isPlainObject,
  isResponse,
  type Id,
  type Json,
  type Params,
} from './messages.ts';

/**
 * Puts a message on the wire. Returning the reply (HTTP, where each
 * request has its own) settles the calls it sent; returning nothing
 * means replies come later through `receive` (a connection).
 */
export type Send = (message: unknown, signal: AbortSignal) =>
  Promise<unknown> | undefined;

/** One call's outcome, as a batch reports it. */
export type Settled =
  | { ok: true; result: Json }
  | { ok: false; error: Error };

/** What a decoded incoming message means to the client. */
export type Incoming =
  | { id: Id; outcome: Settled }
  | { method: string; params: Params | undefined };

/** How calls look on the wire: JSON-RPC 2.0 here, Go's in go-codec. */
export interface Dialect {
  request(method: string, params: Params | undefined, id: number): unknown;
  notification(method: string, params: Params | undefined): unknown;
  read(message: unknown): Incoming[];
}

/** JSON-RPC 2.0's wire format. */
export const jsonRpc2: Dialect = {
  // Absent params are left out, not sent as null (which is invalid).
  request: (method, params, id) =>
    params === undefined
      ? { jsonrpc: '2.0', method, id }
      : { jsonrpc: '2.0', method, params, id },
  notification: (method, params) =>
    params === undefined
      ? { jsonrpc: '2.0', method }
      : { jsonrpc: '2.0', method, params },
  read(message) {
    return (Array.isArray(message) ? message : [message]).flatMap(
      (item): Incoming[] => {
        if (isResponse(item)) {
          const outcome: Settled = 'error' in item
            ? { ok: false, error: fromErrorObject(item.error) }
            : { ok: true, result: item.result };
          return [{ id: item.id, outcome }];
        }
        // A request without an id is the server's own notification.
        if (isPlainObject(item) && typeof item['method'] === 'string' &&
          !('id' in item)) {
          return [{ method: item['method'], params: item['params'] as Params }];
        }
        return [];
      },
    );
  },
};

/** Options of a client, and of one call. */
export interface CallOptions {
  /** Give up on the reply after this long; 10 s by default. */
  timeoutMs?: number;
  /** Give up when this aborts. */
  signal?: AbortSignal;
}

// #region client
/** Calls methods on a JSON-RPC server through `send`. */
export class JsonRpcClient {
  #send: Send;
  #dialect: Dialect;
  #timeoutMs: number;
  #signal: AbortSignal | undefined;
  #nextId = 1;
  #pending = new Map<Id, (outcome: Settled) => void>();
  /** Hears the server's own notifications, e.g. `tick`. */
  onNotification: (method: string, params?: Params) => void = () => {};

  /** `options` hold the defaults of every call, and the dialect. */
  constructor(send: Send, options: CallOptions & { dialect?: Dialect } = {}) {
    this.#send = send;
    this.#dialect = options.dialect ?? jsonRpc2;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#signal = options.signal;
  }

  /** Calls `method`; resolves with its result or rejects with its error. */
  async call(method: string, params?: Params, options: CallOptions = {}) {
    const [outcome] = await this.#exchange([{ method, params }], false, options);
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.result;
  }

  /** Sends several calls as one batch; settles each on its own. */
  batch(calls: { method: string; params?: Params }[], options: CallOptions = {}) {
    return this.#exchange(calls, true, options);
  }

  /** Sends a notification: no id, and so no reply to wait for. */
  async notify(method: string, params?: Params) {
    const { signal, clear } = this.#deadline({});
    try {
      await this.#send(this.#dialect.notification(method, params), signal);
    } finally {
      clear();
    }
  }
  // #endregion client

  // #region exchange
  async #exchange(
    calls: { method: string; params?: Params | undefined }[],
    asBatch: boolean,
    options: CallOptions,
  ): Promise<Settled[]> {
    const { signal, clear } = this.#deadline(options);
    const ids = calls.map(() => this.#nextId++);
    const outcomes = ids.map((id) => new Promise<Settled>((resolve) => {
      this.#pending.set(id, resolve);
    }));
    const messages = calls.map(({ method, params }, i) =>
      this.#dialect.request(method, params, ids[i]!));
    // Giving up settles every call still waiting; a late reply to
    // one of them finds nothing pending and is dropped.
    const giveUp = () => this.#settle(ids, { ok: false, error: signal.reason });
    if (signal.aborted) giveUp();
    signal.addEventListener('abort', giveUp, { once: true });
    try {
      if (!signal.aborted) {
        const message = asBatch ? messages : messages[0];
        const reply = await this.#send(message, signal);
        if (reply !== undefined) {
          this.#receive(reply, ids);
          const error = new Error('the server sent no reply to this call');
          this.#settle(ids, { ok: false, error });
        }
      }
    } catch (error) {
      this.#settle(ids, { ok: false, error: error as Error });
    }
    try {
      return await Promise.all(outcomes);
    } finally {
      clear();
      signal.removeEventListener('abort', giveUp);
    }
  }
  // #endregion exchange

  /** Takes a message from the server: replies, or notifications. */
  receive(message: unknown) {
    this.#receive(message, [...this.#pending.keys()]);
  }

  /** Fails every call still waiting, e.g. when the connection closed. */
  close(error: Error) {
    this.#settle([...this.#pending.keys()], { ok: false, error });
  }

  #receive(message: unknown, candidates: Id[]) {
    for (const incoming of this.#dialect.read(message)) {
      if ('method' in incoming) {
        this.onNotification(incoming.method, incoming.params);
      } else if (incoming.id === null) {
        // The server could not tell which call this answers (it could
        // not read the message): it answers every candidate.
        this.#settle(candidates, incoming.outcome);
      } else {
        this.#settle([incoming.id], incoming.outcome);
      }
    }
  }

  #settle(ids: Id[], outcome: Settled) {
    for (const id of ids) {
      this.#pending.get(id)?.(outcome);
      this.#pending.delete(id);
    }
  }

  /** A signal that aborts at the call's timeout or its own signal. */
  #deadline(options: CallOptions) {
    const ms = options.timeoutMs ?? this.#timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(
      new DOMException(`no reply within ${ms} ms`, 'TimeoutError'),
    ), ms);
    const given = [options.signal, this.#signal].filter((s) => s !== undefined);
    const signal = AbortSignal.any([timeout.signal, ...given]);
    return { signal, clear: () => clearTimeout(timer) };
  }
}
