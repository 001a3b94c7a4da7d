// A reader that survives its connection: it reconnects with backoff
// (reconnect-policy.ts), notices a dead connection that never closed
// (client-heartbeat.ts), and resumes where it left off, so every
// numbered message reaches it exactly once and in order.
//
// It speaks the protocol of /ws/push and /ws/flaky: messages carry a
// `seq`; a URL built with `since` (the last seq this reader has) asks
// for what came after it; a welcome may give `last` (where a fresh
// connection starts) and a gap says what can no longer be had.

import type { DemoIO } from '../demo-io.ts';
import { type HeartbeatOptions, watchSilence } from './client-heartbeat.ts';
import { CloseCode } from './close-codes.ts';
import { ReconnectPolicy } from './reconnect-policy.ts';

/** A message of the stream; numbered ones carry `seq`. */
export interface Streamed {
  type: string;
  seq?: number;
  stream?: string;
  last?: number;
  since?: number;
  resume?: number;
  reason?: string;
}

/** What a resuming reader needs; durations in milliseconds. */
export interface ResumeOptions {
  WebSocket: typeof WebSocket;
  /**
   * The URL of a connection: `since` is the last seq we have, and
   * `stream` the one that numbered it (a welcome's), if any.
   */
  url(since: number | null, stream: string | null): string;
  policy: ReconnectPolicy;
  heartbeat: HeartbeatOptions;
  /** Aborting it ends the reader. */
  signal: AbortSignal;
  /** Each numbered message, once, in order. */
  deliver(message: Streamed & { seq: number }): void;
  /** A line on what happened: drops, waits, gaps. */
  report(line: string): void;
  /** The clock and the wait; a test passes its own. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

// #region loop
/** Reads until `signal` aborts; rejects when told not to come back. */
export async function readResuming(o: ResumeOptions): Promise<void> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? sleepUnlessAborted;
  const position: Position = { since: null, stream: null };
  while (!o.signal.aborted) {
    const closed = await connectOnce(o, position, now);
    if (o.signal.aborted) return;
    const { code, reason, count } = closed;
    const wait = o.policy.closed(code, now());
    const why = reason ? ` "${reason}"` : '';
    const said = `closed with ${code}${why} after ${count} messages`;
    if (wait === null) throw new Error(`${said}: not coming back`);
    o.report(`${said}; retrying in ${Math.round(wait)} ms`);
    await sleep(wait, o.signal);
  }
}
// #endregion loop

/** Where a reader is: the last seq it has, and whose numbering. */
interface Position {
  since: number | null;
  stream: string | null;
}

/** How one connection ended, and how many messages it delivered. */
interface Closed {
  code: number;
  reason: string;
  count: number;
}

// #region connection
/** One connection, from open to close (or to being given up on). */
function connectOnce(
  o: ResumeOptions,
  position: Position,
  now: () => number,
): Promise<Closed> {
  return new Promise((resolve) => {
    const ws = new o.WebSocket(o.url(position.since, position.stream));
    let count = 0;
    let stopWatch = () => {};
    const end = (code: number, reason: string) => {
      stopWatch();
      o.signal.removeEventListener('abort', stop);
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      resolve({ code, reason, count });
    };
    // A half-open connection may never fire close: do not wait for it.
    const abandon = (code: number, reason: string) => {
      ws.close();
      end(code, reason);
    };
    const stop = () => abandon(CloseCode.NORMAL, 'stopped');
    o.signal.addEventListener('abort', stop, { once: true });
    ws.onopen = () => {
      o.policy.opened(now());
      stopWatch = watchSilence(ws, o.heartbeat, () =>
        abandon(CloseCode.ABNORMAL, 'no answer to a ping'),
      );
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as Streamed;
      if (receive(message, position, o)) count++;
    };
    ws.onclose = (event) => end(event.code, event.reason);
  });
}
// #endregion connection

// #region numbering
/** Keeps `since` up to date; true when `m` was delivered. */
function receive(m: Streamed, position: Position, o: ResumeOptions): boolean {
  const { since } = position;
  if (m.type === 'welcome' && m.last !== undefined) {
    position.since = m.last;
    position.stream = m.stream ?? null;
  }
  if (m.type === 'gap' && m.resume !== undefined) {
    // What came in between is gone from the stream: fetch it anew.
    o.report(`gap after ${m.since} (${m.reason}): resuming at ${m.resume}`);
    position.since = m.resume - 1;
  }
  if (m.seq === undefined) return false;
  if (since !== null && m.seq <= since) {
    o.report(`skipped ${m.seq}: already had it`);
    return false;
  }
  if (since !== null && m.seq > since + 1) {
    o.report(`lost ${since + 1} to ${m.seq - 1}`);
  }
  position.since = m.seq;
  o.deliver({ ...m, seq: m.seq });
  return true;
}
// #endregion numbering

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleepUnlessAborted(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

// #region run
/** Reads nine counts from /ws/flaky, which drops every third. */
export async function run(io: DemoIO): Promise<void> {
  const got: number[] = [];
  const enough = new AbortController();
  await readResuming({
    WebSocket: io.WebSocket,
    url(since) {
      const path = `/ws/flaky?after=3${since === null ? '' : `&since=${since}`}`;
      io.log(`connecting to ${path}`);
      return io.url(path, 'ws');
    },
    policy: new ReconnectPolicy({
      baseMs: 100,
      capMs: 2_000,
      healthyMs: 5_000,
      laterMs: 5_000,
    }),
    heartbeat: { quietMs: 1_000, timeoutMs: 1_000 },
    signal: AbortSignal.any([io.signal, enough.signal]),
    deliver(message) {
      io.received(JSON.stringify(message));
      if (got.push(message.seq) === 9) enough.abort();
    },
    report: (line) => io.log(line),
  });
  io.signal.throwIfAborted();
  const inOrder = got.every((seq, i) => seq === i + 1);
  io.log(inOrder ? 'got 1 to 9, each once' : `out of order: ${got}`);
}
// #endregion run
