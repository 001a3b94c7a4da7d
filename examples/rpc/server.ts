// The JSON-RPC 2.0 server: one message in, its response out.
//
// This core does no I/O. `receive` takes a message already decoded
// from JSON (or MessagePack) and returns the response to send back,
// or null when nothing is owed (a notification, or a batch of them).
// HTTP, WebSocket and TCP are thin adapters around this one object,
// so every rule below holds the same on all three.

import { CallLimit } from './call-limit.ts';
import { RpcError, rpcError } from './errors.ts';
import {
  type Id,
  isId,
  isParams,
  isPlainObject,
  type Json,
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

/** What `receive` answers: nothing, one response, or a batch's. */
export type Answer = Response | Response[] | null;

// #region later
/** A value at hand, or the promise of one to come. */
export type Later<T> = T | Promise<T>;

/** `then(value)`: now when `value` is at hand, else once it comes. */
export function settle<T, U>(value: Later<T>, then: (value: T) => U): Later<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}
// #endregion later

// #region receive
/** Dispatches JSON-RPC 2.0 messages to a registry's methods. */
export class JsonRpcServer {
  readonly registry: Registry;
  readonly options: ServerOptions;

  constructor(registry: Registry, options: ServerOptions) {
    this.registry = registry;
    this.options = options;
  }

  /** Answers one decoded message: a request, or a batch of them. */
  receive(message: unknown, origin: Origin = {}): Later<Answer> {
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
    const answers = message.map((item) => this.#one(item, origin));
    return Promise.all(answers).then((all) => {
      const responses = all.filter((a) => a !== null);
      return responses.length > 0 ? responses : null;
    });
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
  #one(message: unknown, origin: Origin): Later<Response | null> {
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
    // the method sees it as `signal` (call-limit.ts). The limit starts
    // when it is needed: when the method asks for its signal, or
    // returns a promise.
    const { timeLimitMs } = this.options;
    let limit: CallLimit | undefined;
    const context = {
      push: origin.push,
      get signal() {
        limit ??= new CallLimit(timeLimitMs, origin.signal);
        return limit.signal;
      },
    };
    const answered = (result: unknown): Response | null => {
      // Whatever the method still runs (a timer, a sleep) stops now.
      limit?.done();
      // A method that returns nothing answers null, as JSON must.
      if (notification) return null;
      return { jsonrpc: '2.0', result: (result ?? null) as Json, id };
    };
    const failed = (error: unknown): Response | null => {
      limit?.done();
      if (notification) return null;
      return errorResponse(id, this.#asRpcError(error, limit, method));
    };
    let result: unknown;
    try {
      result = this.registry.call(method, params, context);
    } catch (error) {
      return failed(error);
    }
    // Most methods answer at once: no timer, no promise.
    if (!(result instanceof Promise)) return answered(result);
    limit ??= new CallLimit(timeLimitMs, origin.signal);
    return Promise.race([result, limit.cutShort]).then(answered, failed);
  }
  // #endregion one

  #asRpcError(error: unknown, limit: CallLimit | undefined, method: string) {
    if (error instanceof RpcError) return error;
    if (limit?.reason) return limit.reason;
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
