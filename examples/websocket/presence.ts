// Presence: "N readers here", when the readers may be connected to
// different server processes that share only a pub/sub channel.
//
// No process knows every reader. So each one publishes its own count,
// {"instance":…,"readers":…}, whenever it changes and again on every
// tick, and each one adds up the latest count it has heard from every
// instance. An instance that falls silent (it crashed, or lost the
// broker) is forgotten after `expireMs`, and its readers with it.
// Counts rather than "joined"/"left" events: a lost or repeated
// message is healed by the next one, with nothing to reconcile.
//
// This file does no I/O and reads no clock; push-server.ts wires it
// to the channel and to time.

// #region tally
/** One instance's count of the readers connected to it. */
export interface PresenceReport {
  instance: string;
  readers: number;
}

/** The sum of the latest reports from every live instance. */
export class PresenceTally {
  readonly expireMs: number;
  #latest = new Map<string, { readers: number; heardAt: number }>();

  constructor(expireMs: number) {
    this.expireMs = expireMs;
  }

  /** Records a report heard at `now`; returns the new total. */
  record(report: PresenceReport, now: number): number {
    if (report.readers === 0) this.#latest.delete(report.instance);
    else this.#latest.set(report.instance, { ...report, heardAt: now });
    return this.total(now);
  }

  /** Readers on every instance heard from in the last expireMs. */
  total(now: number): number {
    let sum = 0;
    for (const [instance, { readers, heardAt }] of this.#latest) {
      if (now - heardAt > this.expireMs) this.#latest.delete(instance);
      else sum += readers;
    }
    return sum;
  }
}
// #endregion tally

/** A report as it travels on the channel. */
export function encodeReport(report: PresenceReport): string {
  return JSON.stringify(report);
}

/** A report from the channel, or null for anything malformed. */
export function decodeReport(message: string): PresenceReport | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const { instance, readers } = record;
  if (typeof instance !== 'string' || instance === '') return null;
  if (!Number.isSafeInteger(readers) || (readers as number) < 0) {
    return null;
  }
  return { instance, readers: readers as number };
}
