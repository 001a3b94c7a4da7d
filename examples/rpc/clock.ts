// Methods that take time: a slow call, and a subscription whose
// ticks the server pushes to the caller afterwards.
//
// Go's net/rpc has no push: every message a server sends answers a
// call. JSON-RPC 2.0 names its Client and Server by what each message
// does, and one program may play both roles (the specification's
// section 2), so on a connection that stays open (WebSocket, TCP) the
// server may send notifications of its own. That is how language
// servers report events. Over HTTP there is no connection to push
// on, so `subscribe` is refused there.

import { rpcError } from './errors.ts';
import { named, range } from './params.ts';
import type { CallContext, Registry } from './registry.ts';

/** How many subscriptions one connection may have running. */
const MAX_SUBSCRIPTIONS = 4;

// #region clock
/** Clock.sleep and Clock.subscribe. */
export class Clock {
  // Subscriptions running, by connection (its `closed` signal).
  #running = new WeakMap<AbortSignal, number>();

  /** Answers after `ms`, unless the call is abandoned first. */
  sleep(p: { ms: number }, { signal }: CallContext) {
    return new Promise<{ slept: number }>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ slept: p.ms }), p.ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Pushes `count` tick notifications, one every `every` ms. */
  subscribe(p: { every: number; count: number }, { push }: CallContext) {
    if (!push) {
      throw rpcError('NO_PUSH', 'subscribe needs WebSocket or TCP');
    }
    const running = this.#running.get(push.closed) ?? 0;
    if (running >= MAX_SUBSCRIPTIONS) {
      const most = `at most ${MAX_SUBSCRIPTIONS} subscriptions`;
      throw rpcError('TOO_BUSY', most);
    }
    this.#running.set(push.closed, running + 1);
    let n = 0;
    const timer = setInterval(() => {
      push.notify('tick', { n: ++n, of: p.count });
      if (n === p.count) stop();
    }, p.every);
    const stop = () => {
      clearInterval(timer);
      push.closed.removeEventListener('abort', stop);
      const left = (this.#running.get(push.closed) ?? 1) - 1;
      this.#running.set(push.closed, left);
    };
    // The ticks end with the connection, whoever closes it.
    push.closed.addEventListener('abort', stop, { once: true });
    return { subscribed: 'tick', count: p.count, every: p.every };
  }
}
// #endregion clock

/** Registers Clock.sleep and Clock.subscribe. */
export function registerClock(registry: Registry) {
  return registry.register('Clock', new Clock(), {
    sleep: named({ ms: range(0, 60_000) }),
    subscribe: named({ every: range(20, 5_000), count: range(1, 20) }),
  });
}
