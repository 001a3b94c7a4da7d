// The JSON-RPC client: calls out, replies matched back by id.
//
// Like the server, it does no I/O. It is given a `send` function
// (over HTTP, a WebSocket, TCP) and is handed every message that
// comes back through `receive`. Each call gets a fresh id, so many
// can be in flight at once and replies may arrive in any order.

import { type Dialect, jsonRpc2, type Settled } from './dialect.ts';
import type { Id, Params } from './messages.ts';

/**
 * Puts a message on the wire. Returning the reply (HTTP, where each
 * request has its own) settles the calls it sent; returning nothing
 * means replies come later through `receive` (a connection).
 */
export type Send = (
  message: unknown,
  signal: AbortSignal,
) => Promise<unknown> | undefined;

/** Options of a client, and of one call. */
export interface CallOptions {
  /** Give up on the reply after this long; 10 s by default. */
  timeoutMs?: number;
  /** Give up when this aborts. */
  signal?: AbortSignal;
}

type Call = { method: string; params?: Params | undefined };

// #region client
// #region state
/** Calls methods on a JSON-RPC server through `send`. */
export class JsonRpcClient {
  #send: Send;
  #dialect: Dialect;
  #defaults: CallOptions;
  #nextId = 1;
  #pending = new Map<Id, (outcome: Settled) => void>();
  /** Hears the server's own notifications, e.g. `tick`. */
  onNotification = (_method: string, _params?: Params) => {};

  /** `options` are every call's defaults; the dialect, the wire's. */
  constructor(send: Send, options: CallOptions & { dialect?: Dialect } = {}) {
    const { dialect = jsonRpc2, ...defaults } = options;
    this.#send = send;
    this.#dialect = dialect;
    this.#defaults = defaults;
  }
  // #endregion state

  // #region calls
  /** Calls `method`: resolves with its result, or rejects. */
  async call(method: string, params?: Params, options?: CallOptions) {
    const calls = [{ method, params }];
    const [outcome] = await this.#exchange(calls, false, options);
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.result;
  }

  /** Sends several calls as one batch; settles each on its own. */
  batch(calls: Call[], options?: CallOptions) {
    return this.#exchange(calls, true, options);
  }

  /** Sends a notification: no id, and so no reply to wait for. */
  async notify(method: string, params?: Params) {
    const { signal, clear } = this.#deadline();
    try {
      const message = this.#dialect.notification(method, params);
      await this.#send(message, signal);
    } finally {
      clear();
    }
  }
  // #endregion calls
  // #endregion client

  // #region exchange
  async #exchange(calls: Call[], asBatch: boolean, options?: CallOptions) {
    const { signal, clear } = this.#deadline(options);
    const ids = calls.map(() => this.#nextId++);
    const outcomes = ids.map(
      (id) =>
        new Promise<Settled>((resolve) => {
          this.#pending.set(id, resolve);
        }),
    );
    const messages = calls.map(({ method, params }, i) =>
      this.#dialect.request(method, params, ids[i]!),
    );
    // Giving up settles every call still waiting; a late reply to
    // one of them finds nothing pending and is dropped.
    const giveUp = () => this.#fail(ids, signal.reason as Error);
    if (signal.aborted) giveUp();
    signal.addEventListener('abort', giveUp, { once: true });
    try {
      if (!signal.aborted) {
        const message = asBatch ? messages : messages[0];
        const reply = await this.#send(message, signal);
        if (reply !== undefined) {
          this.#receive(reply, ids);
          // Calls the reply did not answer would wait forever.
          const none = 'the reply held no answer to this call';
          this.#fail(ids, new Error(none));
        }
      }
    } catch (error) {
      this.#fail(ids, error as Error);
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

  /** Fails every call still waiting, e.g. when a connection closed. */
  close(error: Error) {
    this.#fail([...this.#pending.keys()], error);
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

  #fail(ids: Id[], error: Error) {
    this.#settle(ids, { ok: false, error });
  }

  #settle(ids: Id[], outcome: Settled) {
    for (const id of ids) {
      this.#pending.get(id)?.(outcome);
      this.#pending.delete(id);
    }
  }

  /** A signal that aborts at the timeout or either given signal. */
  #deadline(options: CallOptions = {}) {
    const ms = options.timeoutMs ?? this.#defaults.timeoutMs ?? 10_000;
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(
          new DOMException(`no reply within ${ms} ms`, 'TimeoutError'),
        ),
      ms,
    );
    const given = [options.signal, this.#defaults.signal].filter(
      (signal) => signal !== undefined,
    );
    const signal = AbortSignal.any([timeout.signal, ...given]);
    return { signal, clear: () => clearTimeout(timer) };
  }
}
