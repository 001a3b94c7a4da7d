// The methods the JSON-RPC 2.0 specification's examples call.
//
// Section 7 of the specification (jsonrpc.org/specification) shows
// requests to subtract, sum, get_data, update, notify_hello and
// notify_sum. With these registered under bare names, every one of
// its examples runs against the playground exactly as printed.

import { integer, list, named, none, number } from './params.ts';
import type { Registry } from './registry.ts';

// #region methods
/** What the specification's examples expect of each method. */
export class SpecMethods {
  /** subtract [42, 23] → 19; also by name, {minuend, subtrahend}. */
  subtract(p: { minuend: number; subtrahend: number }): number {
    return p.minuend - p.subtrahend;
  }

  /** sum [1, 2, 4] → 7. */
  sum(values: number[]): number {
    return values.reduce((total, value) => total + value, 0);
  }

  /** get_data → ["hello", 5]. */
  get_data(): [string, number] {
    return ['hello', 5];
  }

  /** Called as a notification in the examples: says how many. */
  update(values: number[]): number {
    return values.length;
  }

  notify_hello(p: { n: number }): string {
    return `hello, ${p.n}`;
  }

  notify_sum(values: number[]): number {
    return this.sum(values);
  }
}
// #endregion methods

// #region bug
/** A method with a bug, to show what -32603 Internal error hides. */
export function explode(): never {
  const secret = '/srv/wirebook/explode.ts:12 (password=hunter2)';
  throw new TypeError(`cannot read 'x' of undefined at ${secret}`);
}
// #endregion bug

/** Registers the methods above under their bare names. */
export function registerSpecMethods(registry: Registry) {
  return registry
    .register('', new SpecMethods(), {
      subtract: named({ minuend: number, subtrahend: number }),
      sum: list(number),
      get_data: none,
      update: list(number),
      notify_hello: named({ n: integer }),
      notify_sum: list(number),
    })
    .register('', { explode }, { explode: none });
}
