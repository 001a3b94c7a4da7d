// The JSON-RPC 2.0 server: one message in, its response out.
//
// This core does no I/O. `receive` takes a message already decoded
// from JSON (or MessagePack) and returns the response to send back,
// or null when nothing is owed (a notification, or a batch of them).
// HTTP, WebSocket and TCP are thin adapters around this one object,
// so every rule below holds the same on all three.

import { type CallLimit, CallLimits } from './call-limit.ts';
import { RpcError, rpcError } from './errors.ts';
import {
  type Id,
  isId,
  isParams,
  isPlainObject,
  type Response,
} from './messages.ts';
import type { Push, Registry } from './registry.ts';

/** The server's limits. */
export interface ServerOptions {
  /** The most requests one batch may hold. */
  maxBatch: number;
  /** How long a call may run before it is answered with -32000. */
  timeLimitMs: number;
  /** Hears about errors that were not meant to happen, to log them. */
  onInternalError?: (error: unknown, method: string) => void;
}

/** What a transport knows about where a message came from. */
export interface Origin {
  /** A way to push to the caller, when there is a connection. */
  push?: Push | undefined;
  /** Aborted when the caller goes away. */
  signal?: AbortSignal;
}

/** What `receive` returns: nothing, one response, or a batch's. */
export type Answer = Response | Response[] | null;

// #region receive
/** Dispatches JSON-RPC 2.0 messages to a registry's methods. */
export class JsonRpcServer {
  readonly registry: Registry;
  readonly options: ServerOptions;
  #limits: CallLimits;

  constructor(registry: Registry, options: ServerOptions) {
    this.registry = registry;
    this.options = options;
    this.#limits = new CallLimits(options.timeLimitMs);
  }

  /** Answers one decoded message: a request, or a batch of them. */
  async receive(message: unknown, origin: Origin = {}): Promise<Answer> {
    if (!Array.isArray(message)) return this.#one(message, origin);
    const { maxBatch } = this.options;
    if (message.length === 0) {
      const empty = rpcError('INVALID_REQUEST', 'empty batch');
      return errorResponse(null, empty);
    }
    if (message.length > maxBatch) {
      return errorResponse(
        null,
        rpcError(
          'INVALID_REQUEST',
          `a batch of ${message.length}; the limit is ${maxBatch}`,
        ),
      );
    }
    // The calls of a batch run concurrently; their responses come
    // back in one array, and notifications have none.
    const answers = await Promise.all(
      message.map((item) => this.#one(item, origin)),
    );
    const responses = answers.filter((a) => a !== null);
    return responses.length > 0 ? responses : null;
  }
  // #endregion receive

  /** Answers each request in `message` with `error` (e.g. too busy). */
  refuse(message: unknown, error: RpcError): Answer {
    const items = Array.isArray(message) ? message : [message];
    const refused = items
      .filter((item) => !isPlainObject(item) || 'id' in item)
      .map((item) => errorResponse(idOf(item), error));
    if (refused.length === 0) return null;
    return Array.isArray(message) ? refused : refused[0]!;
  }

  // #region one
  async #one(message: unknown, origin: Origin): Promise<Response | null> {
    let request: ReturnType<typeof readRequest>;
    try {
      request = readRequest(message);
    } catch (error) {
      // An invalid request is answered even without an id: the
      // caller may not know it sent a notification.
      return errorResponse(idOf(message), error as RpcError);
    }
    const { method, params } = request;
    const notification = !('id' in request);
    const id = request.id ?? null;
    // The time limit or the caller leaving cuts the call short, and
    // the method sees it as `signal` (call-limit.ts).
    const limit = this.#limits.start(origin.signal);
    const context = {
      push: origin.push,
      get signal() {
        return limit.signal;
      },
    };
    try {
      const result = await Promise.race([
        this.registry.call(method, params, context),
        limit.cutShort,
      ]);
      return notification ? null : { jsonrpc: '2.0', result, id };
    } catch (error) {
      if (notification) return null;
      return errorResponse(id, this.#asRpcError(error, limit, method));
    } finally {
      // Whatever the method still runs (a timer, a sleep) stops now.
      limit.done();
    }
  }
  // #endregion one

  #asRpcError(error: unknown, limit: CallLimit, method: string) {
    if (error instanceof RpcError) return error;
    if (limit.reason) return limit.reason;
    // A bug, not a bad request: log it, and tell the caller only that
    // it happened. A stack trace would help an attacker, not them.
    this.options.onInternalError?.(error, method);
    return rpcError('INTERNAL_ERROR', `${method} failed; see the log`);
  }
}

// #region validate
/** Checks the shape the specification requires of a request. */
function readRequest(value: unknown) {
  const invalid = (why: string) => rpcError('INVALID_REQUEST', why);
  if (!isPlainObject(value)) {
    throw invalid('a request must be an object');
  }
  if (value['jsonrpc'] !== '2.0') {
    throw invalid('jsonrpc must be "2.0"');
  }
  const { method, params, id } = value;
  if (typeof method !== 'string') {
    throw invalid('method must be a string');
  }
  if (params !== undefined && !isParams(params)) {
    throw invalid('params must be an array or an object');
  }
  if ('id' in value && !isId(id)) {
    throw invalid('id must be a string, a number or null');
  }
  return 'id' in value ? { method, params, id: id as Id } : { method, params };
}
// #endregion validate

/** A response carrying `error`, for the request with `id`. */
export function errorResponse(id: Id, error: RpcError): Response {
  return { jsonrpc: '2.0', error: error.toJSON(), id };
}

/** The id of a request that may be broken: null when there is none. */
function idOf(value: unknown): Id {
  return isPlainObject(value) && isId(value['id']) ? value['id'] : null;
}
