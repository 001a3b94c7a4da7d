// Publish/subscribe by channel: how /ws/push shares chat and presence
// among everyone connected.
//
// The push server only ever talks to this interface. The in-memory
// implementation below reaches the readers of this one process. The
// playground's Redis implementation of the same three methods
// (PUBLISH, SUBSCRIBE on a second connection, QUIT) lets several
// instances behind a load balancer share chat and presence, with no
// change to the push server: that is why messages are strings and
// delivery is asynchronous and at most once, exactly what Redis
// pub/sub promises.

/** Receives each message published on a channel. */
export type Subscriber = (message: string) => void;

/** A message broker, in memory or across instances. */
export interface PubSub {
  /**
   * Sends `message` to every subscriber of `channel`, later, never
   * inside this call. Fire and forget: a message published while no
   * one listens, or lost on the way, is gone.
   */
  publish(channel: string, message: string): void;
  /** Delivers `channel`'s messages to `subscriber`; returns undo. */
  subscribe(channel: string, subscriber: Subscriber): () => void;
  /** Ends every subscription; publish() does nothing afterwards. */
  close(): Promise<void>;
}

/** A broker inside this process. */
export function createMemoryPubSub(
  onError: (error: unknown, channel: string) => void = (error, channel) =>
    console.error(`pubsub: a subscriber of "${channel}" failed:`, error),
): PubSub {
  const channels = new Map<string, Set<Subscriber>>();
  let closed = false;

  return {
    publish(channel, message) {
      const subscribers = channels.get(channel);
      if (closed || !subscribers) return;
      // Delivered in a later microtask, as a broker over the network
      // would: a publisher that relied on its own message arriving
      // before publish() returns would break with Redis.
      const now = [...subscribers];
      queueMicrotask(() => {
        for (const subscriber of now) {
          if (!subscribers.has(subscriber)) continue;
          // One failing subscriber must not starve the others, nor
          // become an uncaught exception that ends the process.
          try {
            subscriber(message);
          } catch (error) {
            onError(error, channel);
          }
        }
      });
    },

    subscribe(channel, subscriber) {
      if (closed) return () => {};
      let subscribers = channels.get(channel);
      if (!subscribers) {
        subscribers = new Set();
        channels.set(channel, subscribers);
      }
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0 && channels.get(channel) === subscribers) {
          channels.delete(channel);
        }
      };
    },

    async close() {
      closed = true;
      for (const subscribers of channels.values()) subscribers.clear();
      channels.clear();
    },
  };
}
