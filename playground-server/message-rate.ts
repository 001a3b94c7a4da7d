// The message rate of one WebSocket connection: a token bucket
// (examples/websocket/token-bucket.ts) of WS_MESSAGE_BURST messages,
// refilled at WS_MESSAGES_PER_SECOND. Over it, the connection is
// closed with 1008 (policy violation). Messages the peer had already
// sent still reach the endpoint's own listeners; they must ignore a
// socket that is no longer OPEN.

import { TokenBucket } from '../examples/websocket/token-bucket.ts';
import type { Config } from './config.ts';
import { turnClock } from './turn-clock.ts';
import { limitErrors } from './websocket-limit-error.ts';

/** Closes a connection with a code and a reason. */
export type Close = (code: number, reason: string) => void;

/**
 * Makes one connection's message budget: call the check it returns
 * once per message; over the rate it closes the connection (once) and
 * answers false.
 */
export function messageRate(
  config: Pick<Config, 'wsMessagesPerSecond' | 'wsMessageBurst'>,
  close: Close,
  now: () => number = turnClock,
) {
  const bucket = new TokenBucket(
    { capacity: config.wsMessageBurst, perSecond: config.wsMessagesPerSecond },
    now(),
  );
  let closed = false;
  return () => {
    if (closed) return false;
    if (bucket.take(now())) return true;
    closed = true;
    const error = limitErrors.tooManyMessages(config.wsMessagesPerSecond);
    close(error.closeCode ?? 1008, error.message);
    return false;
  };
}
