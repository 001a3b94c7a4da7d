// What ends a call early: its time limit, or its caller going away.
//
// Most calls answer within microseconds, and the server takes
// thousands a second, so a call pays only for what it uses: one
// timer, and one promise that settles only if the call is cut short.
// The AbortController behind `signal` is made only when the method
// asks for its signal.

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

  constructor(timeLimitMs: number, caller: AbortSignal | undefined) {
    this.cutShort = new Promise<never>((_, reject) => {
      this.#cut = reject;
    });
    this.#timer = setTimeout(() => {
      this.#stop(rpcError('TIME_LIMIT', `no answer within ${timeLimitMs} ms`));
    }, timeLimitMs);
    this.#caller = caller;
    caller?.addEventListener('abort', this.#callerLeft, { once: true });
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

  #callerLeft = () => this.#stop(CALLER_LEFT);

  #stop(reason: RpcError) {
    this.reason ??= reason;
    this.#controller?.abort(reason);
    this.#cut(reason);
  }
}
