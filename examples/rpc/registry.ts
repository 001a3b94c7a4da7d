// A service registry: Go's net/rpc rules, in TypeScript.
//
// Go's rpc.Register(rcvr) looks at every method of rcvr by reflection
// and makes "Type.Method" callable only when the method is exported,
// takes two exported (or builtin) argument types, the second a
// pointer for the reply, and returns error. Anything else is skipped.
//
// TypeScript has no such reflection at run time, and "every method
// that fits" would be an accident waiting to happen. So the rule here
// is explicit: a method is callable when it is listed, with a
// validator for its params. The types make the list honest: each
// validator must produce what its method takes.

import { rpcError } from './errors.ts';
import type { Params } from './messages.ts';
import type { ParamsSpec } from './params.ts';

// #region context
/** What a method gets besides its params. */
export interface CallContext {
  /** Aborted when the call's time limit passes or its peer leaves. */
  signal: AbortSignal;
  /** On a connection that stays open: a way to send to the caller. */
  push?: Push | undefined;
}

/** Server-to-client notifications over a connection. */
export interface Push {
  notify(method: string, params?: Params): void;
  /** Aborted when the connection closes. */
  closed: AbortSignal;
}
// #endregion context

// #region rules
/** A method: params in, result out (the reply), or a throw (error). */
type Method<P> = (params: P, context: CallContext) => unknown;

/** For each method a service lists: the validator of its params. */
export type Exposed<S> = {
  [K in keyof S]?: S[K] extends Method<infer P> ? ParamsSpec<P> : never;
};
// #endregion rules

interface Entry {
  call(params: unknown, context: CallContext): unknown;
  params: ParamsSpec<unknown>;
}

// #region registry
/** The methods a server offers, by "Service.Method" name. */
export class Registry {
  #methods = new Map<string, Entry>();

  /**
   * Makes each listed method of `service` callable as "name.Method",
   * or as "Method" when `name` is empty (the specification's examples
   * call bare names). Like Go's Register, a bad service fails here,
   * at start-up, rather than at the first call.
   */
  register<S extends object>(name: string, service: S, exposed: Exposed<S>) {
    for (const [key, params] of Object.entries(exposed)) {
      const method: unknown = service[key as keyof S];
      const full = name ? `${name}.${key}` : key;
      if (typeof method !== 'function') {
        throw new TypeError(`${full} is not a method`);
      }
      if (full.startsWith('rpc.') || this.#methods.has(full)) {
        throw new TypeError(`${full} is reserved or taken`);
      }
      this.#methods.set(full, {
        call: (p, context) => method.call(service, p, context),
        params: params as ParamsSpec<unknown>,
      });
    }
    return this;
  }

  /** Checks the params, then calls the method; throws an RpcError. */
  call(method: string, params: Params | undefined, context: CallContext) {
    const entry = this.#methods.get(method);
    if (!entry) {
      const long = method.length > 60;
      const name = long ? `${method.slice(0, 60)}…` : method;
      throw rpcError('METHOD_NOT_FOUND', `no method named "${name}"`);
    }
    const args = entry.params.parse(params);
    // The result, or the promise of an async method (server.ts).
    return entry.call(args, context);
  }

  /** Every callable name with the shape of its params. */
  methods(): { name: string; params: string }[] {
    return [...this.#methods].map(([name, { params }]) => ({
      name,
      params: params.shape,
    }));
  }
}
// #endregion registry
