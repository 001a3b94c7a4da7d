// Where /ws/push's ticks and chat get their numbers (`seq`), and where
// the last of them are kept for readers who come back with ?since=SEQ.
//
// The push server only talks to this interface. The log below numbers
// inside this process: every instance counts a stream of its own,
// named by a random id new at every start, and keeps its own replay
// buffer (replay-buffer.ts). The playground's log over Redis
// (playground-server/state/push-log-redis.ts) numbers once for every
// instance, so that a reader may resume on any of them: that is why
// every method may return a Promise, and a rejected one means the
// shared log is out of reach.

import { randomBytes } from 'node:crypto';
import type { PubSub } from './pubsub.ts';
import type { Resuming } from './push-server.ts';
import { ReplayBuffer } from './replay-buffer.ts';

/** What a reader is told when it arrives, before the live stream. */
export interface Welcome {
  /** The numbering its seqs belong to. */
  stream: string;
  /** Numbered messages on this connection start at last + 1. */
  last: number;
  /** Set when what the reader missed cannot all be replayed. */
  gap: { since: number; resume: number; reason: 'expired' | 'unknown' } | null;
  /** The kept messages after `last`, in order. */
  messages: string[];
}

/** Receives every numbered message, in seq order. */
export type Deliver = (message: string, seq: number) => void;

/** Numbers, keeps and delivers /ws/push's ticks and chat. */
export interface PushLog {
  /** A reader's chat, for every reader of every instance. */
  chat(value: object): void | Promise<void>;
  /** This instance's clock ticked. */
  tick(value: object): void | Promise<void>;
  /**
   * Hands `deliver` each numbered message, in order; `broken` is told
   * when the log can no longer promise every seq once (messages lost
   * on the way, or its numbering started again). Returns undo.
   */
  listen(deliver: Deliver, broken: (error: Error) => void): () => void;
  /** Where a reader starts, and what it is owed. */
  resume(asked: Resuming | null): Welcome | Promise<Welcome>;
  /** Stops numbering. */
  close(): void | Promise<void>;
}

/** The broker's channel for chat, numbered where it arrives. */
const CHAT = 'push:chat';

// #region local
/** A log in this process: its own numbers and its own buffer. */
export function createLocalLog(pubsub: PubSub, replay: number): PushLog {
  const stream = randomBytes(8).toString('hex');
  const sent = new ReplayBuffer(replay);
  const listeners = new Set<Deliver>();
  const number = (value: object) => {
    const message = sent.append((seq) => JSON.stringify({ ...value, seq }));
    for (const deliver of listeners) deliver(message, sent.latest);
  };
  // Chat goes through the broker, so that instances sharing it hear
  // every chat; each numbers it in its own stream. Ticks stay here:
  // every instance has a clock of its own.
  const unsubscribe = pubsub.subscribe(CHAT, (text) =>
    number(JSON.parse(text)),
  );
  return {
    chat: (value) => pubsub.publish(CHAT, JSON.stringify(value)),
    tick: number,
    listen(deliver) {
      listeners.add(deliver);
      return () => listeners.delete(deliver);
    },
    resume(asked) {
      if (!asked) return { stream, last: sent.latest, gap: null, messages: [] };
      // A since counted by another stream means nothing here: it is a
      // seq this one never reached.
      const { since } = asked;
      const ours = (asked.stream ?? stream) === stream;
      const owed = sent.after(ours ? since : Infinity);
      if (owed.kind === 'replay') {
        return { stream, last: since, gap: null, messages: owed.messages };
      }
      const { resume, reason, messages } = owed;
      return {
        stream,
        last: resume - 1,
        gap: { since, resume, reason },
        messages,
      };
    },
    close: unsubscribe,
  };
}
// #endregion local
