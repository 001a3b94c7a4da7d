// The Arith service from Go's net/rpc documentation, in TypeScript.
//
// In Go (examples/go/arith-server.go) each method takes its args, a
// pointer to write the reply into, and returns an error. Here a
// method takes its args and returns the reply, or throws the error.

import { rpcError } from './errors.ts';
import { integer, named } from './params.ts';
import type { Registry } from './registry.ts';

// #region service
/** Go's `type Args struct { A, B int }`. */
export interface Args {
  A: number;
  B: number;
}

/** Go's `type Quotient struct { Quo, Rem int }`. */
export interface Quotient {
  Quo: number;
  Rem: number;
}

/** Go's `type Arith int`, with the same two methods. */
export class Arith {
  Multiply(args: Args): number {
    const product = args.A * args.B;
    // Go's int would wrap around silently; a double would round.
    // Saying so is better than either.
    if (!Number.isSafeInteger(product)) throw rpcError('OUT_OF_RANGE');
    return product;
  }

  Divide(args: Args): Quotient {
    if (args.B === 0) throw rpcError('DIVIDE_BY_ZERO');
    // Like Go's / and %: the quotient truncates toward zero and the
    // remainder takes the sign of A.
    const Rem = args.A % args.B;
    return { Quo: (args.A - Rem) / args.B, Rem };
  }

  /** Public in TypeScript, but not listed below: not callable. */
  describe(): string {
    return "Arith: Multiply and Divide, as in Go's net/rpc docs";
  }
}
// #endregion service

// #region register
/** Registers Arith.Multiply and Arith.Divide, and nothing else. */
export function registerArith(registry: Registry) {
  const args = named({ A: integer, B: integer });
  return registry.register('Arith', new Arith(), {
    Multiply: args,
    Divide: args,
  });
}
// #endregion register
