// What ends a call early: its time limit, or its caller going away.
//
// Most calls answer within microseconds, and the server takes
// thousands a second, so a call pays only for what it uses: a place
// in two sets, and one promise that settles only if the call is cut
// short. Every call has the same time limit, so calls run out in the
// order they started: one timer, for the oldest call still running,
// serves them all. A caller (a connection) gets one abort listener
// for all its calls. The AbortController behind `signal` is made
// only when the method asks for its signal.

import { type RpcError, rpcError } from './errors.ts';

// Abort reasons made once: abort() without a reason would build a
// DOMException, stack trace and all, for every call.
const CALLER_LEFT = rpcError('INTERNAL_ERROR', 'the caller went away');
const ANSWERED = rpcError('INTERNAL_ERROR', 'the call was answered');

/** The limits of every call one server runs. */
export class CallLimits {
  readonly timeLimitMs: number;
  // Oldest first: a Set iterates in the order of insertion.
  #running = new Set<CallLimit>();
  #callers = new WeakMap<AbortSignal, Set<CallLimit>>();
  #timer: NodeJS.Timeout | undefined;

  constructor(timeLimitMs: number) {
    this.timeLimitMs = timeLimitMs;
  }

  /** Starts one call's limits; the call ends them with `done()`. */
  start(caller: AbortSignal | undefined): CallLimit {
    let calls: Set<CallLimit> | undefined;
    if (caller) {
      calls = this.#callers.get(caller);
      if (calls === undefined) {
        calls = new Set();
        this.#callers.set(caller, calls);
        const leaving = calls;
        caller.addEventListener(
          'abort',
          () => {
            for (const limit of leaving) limit.stop(CALLER_LEFT);
          },
          { once: true },
        );
      }
    }
    const deadline = performance.now() + this.timeLimitMs;
    const limit = new CallLimit(deadline, this.#running, calls);
    this.#timer ??= this.#arm();
    return limit;
  }

  /** A timer for the oldest call, or none when no call runs. */
  #arm() {
    const [oldest] = this.#running;
    if (oldest === undefined) return undefined;
    const wait = Math.max(0, oldest.deadline - performance.now());
    // A call in progress is held by its caller's connection: the
    // timer alone keeps no process running once the calls are done.
    return setTimeout(this.#expire, wait).unref();
  }

  #expire = () => {
    const now = performance.now();
    for (const limit of this.#running) {
      if (limit.deadline > now) break;
      this.#running.delete(limit);
      limit.stop(
        rpcError('TIME_LIMIT', `no answer within ${this.timeLimitMs} ms`),
      );
    }
    this.#timer = this.#arm();
  };
}

/** One call's limits, from when it starts until `done()`. */
export class CallLimit {
  /** Rejects with why the call was cut short; never resolves. */
  readonly cutShort: Promise<never>;
  /** Why the call was cut short, once it has been. */
  reason: RpcError | undefined;
  /** When its time runs out, in performance.now() milliseconds. */
  readonly deadline: number;
  #cut!: (reason: RpcError) => void;
  #controller: AbortController | undefined;
  #running: Set<CallLimit>;
  #ofCaller: Set<CallLimit> | undefined;

  constructor(
    deadline: number,
    running: Set<CallLimit>,
    ofCaller: Set<CallLimit> | undefined,
  ) {
    this.cutShort = new Promise<never>((_, reject) => {
      this.#cut = reject;
    });
    this.deadline = deadline;
    this.#running = running.add(this);
    this.#ofCaller = ofCaller?.add(this);
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
    this.#running.delete(this);
    this.#ofCaller?.delete(this);
    this.#controller?.abort(ANSWERED);
  }

  /** Cuts the call short: its answer is `reason`. */
  stop(reason: RpcError) {
    this.reason ??= reason;
    this.#controller?.abort(reason);
    this.#cut(reason);
  }
}
