// The runs of the "Why WebSocket" comparison. A run is one source of
// events, made at random moments for a few seconds, that four
// transports follow at once; each transport has a wire meter that
// counts what following it cost. why-server.ts serves runs over HTTP
// and WebSocket; this file only keeps them.
//
// why-server.ts asks for the `Runs` interface: a deployment of several
// servers shares its runs through a store (the playground's is in
// Redis), so that a run started through one is followed through any.

import { randomUUID } from 'node:crypto';
import type { Answer } from './secret-book.ts';
import { type WireCount, WireMeter } from './wire-meter.ts';

/** The four transports, as reports name them. */
export const TRANSPORTS = [
  'short-poll',
  'long-poll',
  'sse',
  'websocket',
] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** An event: its number in the run and its server time (Date.now). */
export interface WhyEvent {
  seq: number;
  at: number;
}

/** Counts one transport's requests: WireMeter, or one that adds up. */
export type Meter = Pick<WireMeter, 'start' | 'total'>;

/** One run, as the transports see it. */
export interface Run {
  events: WhyEvent[];
  done: boolean;
  /** Called on every new event, and once at the end. */
  waiting: Set<() => void>;
  meters: Record<Transport, Meter>;
  /** Requests held open now: at most one per transport. */
  open: Set<Transport>;
}

/** The range of seconds a run may ask for. */
export const MIN_SECONDS = 1;
export const MAX_SECONDS = 15;
/** How long a finished run stays, for its report. */
export const KEEP_MS = 60_000;

// #region errors
type RunErrorCode =
  | 'bad-seconds'
  | 'bad-after'
  | 'no-such-run'
  | 'busy'
  | 'too-many';

/** A refused request, with its stable code and its HTTP status. */
export class RunError extends Error {
  override name = 'RunError';
  readonly code: RunErrorCode;
  readonly status: 400 | 404 | 409 | 429;

  constructor(code: RunErrorCode, status: RunError['status'], why: string) {
    super(why);
    this.code = code;
    this.status = status;
  }
}

export const runErrors = {
  badSeconds: (raw: string) =>
    new RunError(
      'bad-seconds',
      400,
      `seconds must be a whole number from ${MIN_SECONDS} to ` +
        `${MAX_SECONDS}, not "${raw}"`,
    ),
  badAfter: (raw: string) =>
    new RunError(
      'bad-after',
      400,
      `after must be a count of events, not "${raw}"`,
    ),
  noSuchRun: () =>
    new RunError(
      'no-such-run',
      404,
      'no such run; POST /why/runs first (runs last 60 s)',
    ),
  busy: (transport: Transport) =>
    new RunError(
      'busy',
      409,
      `this run already has a ${transport} request open`,
    ),
  tooMany: (max: number) =>
    new RunError(
      'too-many',
      429,
      `${max} comparisons are running, the most at once; ` +
        'try again in a few seconds',
    ),
};
// #endregion errors

/** Where runs are kept: this process, or a store servers share. */
export interface Runs {
  /** Starts a run of `raw` seconds; returns its id. */
  start(raw: string): Answer<{ id: string; seconds: number }>;
  /** The run `id`, or a 404. */
  get(id: string): Answer<Run>;
  /** What following run `id` cost, by transport. */
  wire(id: string): Answer<Record<Transport, WireCount>>;
  /** Stops every timer. */
  close(): void;
}

/** Every run of this server, at most `maxRuns` going at once. */
export function createRuns(options: { maxRuns: number }): Runs {
  const runs = new Map<string, Run>();
  const timers = new Set<NodeJS.Timeout>();
  let going = 0;

  const get = (id: string) => {
    const run = runs.get(id);
    if (!run) throw runErrors.noSuchRun();
    return run;
  };
  return {
    start(raw) {
      const seconds = secondsOf(raw);
      if (going >= options.maxRuns) {
        throw runErrors.tooMany(options.maxRuns);
      }
      const id = randomUUID();
      const run = newRun(() => new WireMeter());
      runs.set(id, run);
      going++;
      makeEvents(run, seconds * 1000, timers, () => {
        going--;
        later(timers, KEEP_MS, () => runs.delete(id));
      });
      return { id, seconds };
    },
    get,
    wire(id) {
      const { meters } = get(id);
      return Object.fromEntries(
        TRANSPORTS.map((t) => [t, meters[t].total()]),
      ) as Record<Transport, WireCount>;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** The seconds a run asks for, or a 400. */
export function secondsOf(raw: string) {
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < MIN_SECONDS || seconds > MAX_SECONDS)
    throw runErrors.badSeconds(raw);
  return seconds;
}

/** A run with no events yet, a meter per transport. */
export function newRun(meter: (transport: Transport) => Meter): Run {
  const meters = Object.fromEntries(
    TRANSPORTS.map((t) => [t, meter(t)]),
  ) as Run['meters'];
  return {
    events: [],
    done: false,
    waiting: new Set(),
    meters,
    open: new Set(),
  };
}

// #region source
/** Makes events at random moments 0.3 to 1.5 s apart, for `ms`. */
export function makeEvents(
  run: Run,
  ms: number,
  timers: Set<NodeJS.Timeout>,
  onEnd: () => void,
) {
  const end = Date.now() + ms;
  const notify = () => {
    for (const wake of [...run.waiting]) wake();
  };
  const next = () => {
    const gap = 300 + Math.random() * 1200;
    if (Date.now() + gap >= end) {
      later(timers, end - Date.now(), () => {
        run.done = true;
        notify();
        onEnd();
      });
      return;
    }
    later(timers, gap, () => {
      run.events.push({ seq: run.events.length + 1, at: Date.now() });
      notify();
      next();
    });
  };
  next();
}
// #endregion source

/** setTimeout, remembered in `timers` until it fires. */
export function later(timers: Set<NodeJS.Timeout>, ms: number, fn: () => void) {
  const timer = setTimeout(
    () => {
      timers.delete(timer);
      fn();
    },
    Math.max(0, ms),
  );
  timers.add(timer);
}
