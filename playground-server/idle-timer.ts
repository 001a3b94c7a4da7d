// The idle timeout of one WebSocket connection. A connection over
// which no message has passed, either way, for WS_IDLE_TIMEOUT_MS is
// closed with 1000 and says so in its reason: it holds one of its
// address's places and some memory, and a reader who comes back
// reconnects. Pings do not count: the heartbeat keeps finding out
// whether a peer is alive, not whether it is in use.

import type { Close } from './message-rate.ts';
import { turnClock } from './turn-clock.ts';
import { limitErrors } from './websocket-limit-error.ts';

/**
 * Closes a connection over which nothing has passed for `idleMs`:
 * touch() on every message either way, stop() once it is closed. One
 * timer a connection, re-armed only when it fires, so a busy
 * connection pays for a timestamp per message, not a timer.
 */
export function idleTimer(idleMs: number, close: Close, now: () => number = turnClock) {
  let last = now();
  const check = () => {
    const left = last + idleMs - now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    const error = limitErrors.idle(idleMs);
    close(error.closeCode ?? 1000, error.message);
  };
  let timer = setTimeout(check, idleMs);
  return {
    touch() {
      last = now();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
