// What ends a call early: its time limit, or its caller going away.
//
// Only a call that is still running needs one: the server answers a
// method that returns at once without starting a limit (server.ts),
// so a limit is one timer and one abort listener on the caller's
// signal. Node keeps the timers of one duration in a single list, so
// a thousand calls waiting cost a thousand list entries, not a
// thousand system timers. The AbortController behind `signal` is
// made only when the method asks for its signal.

import { type RpcError, rpcError } from './errors.ts';

// Abort reasons made once: abort() without a reason would build a
// DOMException, stack trace and all, for every call.
const CALLER_LEFT = rpcError('INTERNAL_ERROR', 'the caller went away');
const ANSWERED = rpcError('INTERNAL_ERROR', 'the call was answered');

/** One call's limits, from when it starts until `done()`. */
export class CallLimit {
  /** Rejects with why the call was cut short; never resolves. */
  readonly cutShort: Promise<never>;
  /** Why the call was cut short, once it has been. */
  reason: RpcError | undefined;
  #cut!: (reason: RpcError) => void;
  #controller: AbortController | undefined;
  #timer: NodeJS.Timeout;
  #caller: AbortSignal | undefined;

  /** Starts the limits of a call that may take `timeLimitMs`. */
  constructor(timeLimitMs: number, caller: AbortSignal | undefined) {
    this.cutShort = new Promise<never>((_, reject) => {
      this.#cut = reject;
    });
    const late = () =>
      this.stop(rpcError('TIME_LIMIT', `no answer within ${timeLimitMs} ms`));
    // A call in progress is held by its caller's connection: the
    // timer alone keeps no process running.
    this.#timer = setTimeout(late, timeLimitMs).unref();
    this.#caller = caller;
    caller?.addEventListener('abort', this.#callerLeft);
    if (caller?.aborted) this.stop(CALLER_LEFT);
  }

  /** Aborted when the call is cut short or answered. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.reason) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  /** The call is answered: whatever the method still runs stops now. */
  done() {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#callerLeft);
    this.#controller?.abort(ANSWERED);
  }

  /** Cuts the call short: its answer is `reason`. */
  stop(reason: RpcError) {
    this.reason ??= reason;
    this.#controller?.abort(reason);
    this.#cut(reason);
  }

  #callerLeft = () => this.stop(CALLER_LEFT);
}
