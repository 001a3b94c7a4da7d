// Arith and Clock as gRPC services: the same methods the JSON-RPC
// pages serve (examples/rpc/arith.ts, clock.ts), now implementing the
// contract in arith.proto. The types come from the code Buf generated
// (gen/arith_pb.ts); connect-node serves them over gRPC, gRPC-Web and
// the Connect protocol alike, so this file knows none of the three.
//
// Errors are gRPC status codes, not numbers of our own: each names a
// kind of failure every gRPC library in every language understands.

import type {
  ConnectRouter,
  HandlerContext,
  ServiceImpl,
} from '@connectrpc/connect';
import { Code, ConnectError } from '@connectrpc/connect';
import { Arith, Clock } from './gen/arith_pb.ts';

const INT32_MAX = 2 ** 31 - 1;

/** Throws invalid_argument unless `value` is within [min, max]. */
function within(field: string, value: number, min: number, max: number) {
  if (value < min || value > max) {
    throw new ConnectError(
      `${field} must be from ${min} to ${max}, not ${value}`,
      Code.InvalidArgument,
    );
  }
}

// #region arith
/** Go's Arith, with gRPC's status codes for its errors. */
export const arith: ServiceImpl<typeof Arith> = {
  multiply({ a, b }, context: HandlerContext) {
    // Metadata: a request id the caller sent comes back in the headers.
    const id = context.requestHeader.get('x-request-id');
    if (id) context.responseHeader.set('x-request-id', id);
    const value = a * b;
    // Go's int32 would wrap around silently; say so instead.
    if (Math.abs(value) > INT32_MAX) {
      throw new ConnectError(`${a} × ${b} overflows int32`, Code.OutOfRange);
    }
    return { value };
  },
  divide({ a, b }) {
    if (b === 0) {
      throw new ConnectError('divide by zero', Code.InvalidArgument);
    }
    // Like Go's / and %: truncated toward zero, remainder signed as a.
    return { quo: Math.trunc(a / b), rem: a % b };
  },
};
// #endregion arith

/** Resolves after `ms`, or rejects with the signal's reason. */
function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// #region clock
/** Clock.Sleep, to run into a deadline, and Clock.Ticks, a stream. */
export const clock: ServiceImpl<typeof Clock> = {
  async sleep({ ms }, { signal }) {
    within('ms', ms, 0, 60_000);
    // `signal` aborts at the caller's deadline, when the caller
    // cancels, and at the server's own time limit: the reason is
    // deadline_exceeded or canceled, and that is what the caller gets.
    await sleep(ms, signal);
    return { slept: ms };
  },
  async *ticks({ every, count }, { signal, responseTrailer }) {
    within('every', every, 20, 5_000);
    within('count', count, 1, 100);
    for (let n = 1; n <= count; n++) {
      await sleep(every, signal);
      yield { n, of: count };
    }
    // Trailers go after the last message: facts known only at the end.
    responseTrailer.set('x-ticks-sent', String(count));
  },
};
// #endregion clock

// #region routes
/** Both services, for connect-node's adapter or any Connect router. */
export function routes(router: ConnectRouter) {
  router.service(Arith, arith);
  router.service(Clock, clock);
}
// #endregion routes
