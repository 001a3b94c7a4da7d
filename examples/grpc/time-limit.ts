// The server's own time limit for a call, whatever deadline the
// client sent (or none): JSON-RPC's RPC_CALL_TIME_LIMIT_MS, for gRPC.
//
// A gRPC client states its deadline in the `grpc-timeout` header (a
// Connect client in `connect-timeout-ms`); connect-node turns it into
// the handler's `signal`. A client that sends none would otherwise
// hold a call open for as long as the method likes. This interceptor
// wraps every unary call: the method's signal also aborts at the
// limit, with deadline_exceeded, and the caller gets that answer at the
// limit even from a method that ignores its signal. Streams end by
// their own count and by cancellation, so it leaves them alone.

import type { Interceptor } from '@connectrpc/connect';
import { Code, ConnectError } from '@connectrpc/connect';

// #region interceptor
/** Ends any unary call still running after `ms` with deadline_exceeded. */
export function timeLimit(ms: number): Interceptor {
  return (next) => async (req) => {
    if (req.stream) return next(req);
    const limit = new AbortController();
    const timer = setTimeout(() => {
      const why = `time limit of ${ms} ms reached`;
      limit.abort(new ConnectError(why, Code.DeadlineExceeded));
    }, ms);
    const reached = new Promise<never>((_, reject) => {
      limit.signal.addEventListener('abort', () => reject(limit.signal.reason));
    });
    try {
      const signal = AbortSignal.any([req.signal, limit.signal]);
      return await Promise.race([next({ ...req, signal }), reached]);
    } finally {
      clearTimeout(timer);
      reached.catch(() => {});
    }
  };
}
// #endregion interceptor
