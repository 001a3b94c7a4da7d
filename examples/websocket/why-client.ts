// Short polling, long polling, Server-Sent Events and WebSocket,
// side by side: one run of server events, followed four ways at once,
// and what each way cost (see why-server.ts for the other side).

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import { report } from './why-report.ts';

/** An event: its number in the run, and the server's time of it. */
interface WhyEvent {
  seq: number;
  at: number;
}
/** Called as each event arrives. */
type Heard = (event: WhyEvent) => void;
/** A poll's answer: the events after `after`, and whether it ended. */
interface Batch {
  events: WhyEvent[];
  done: boolean;
}

const POLL_EVERY_MS = 500;

// #region run
/** Follows ten seconds of events four ways at once. */
export async function run(io: DemoIO): Promise<void> {
  await compare(io, 10);
}

/** Follows `seconds` of one run's events four ways, then reports. */
export async function compare(io: DemoIO, seconds: number) {
  const offset = await clockOffset(io);
  const created = await fetch(io.url(`/why/runs?seconds=${seconds}`), {
    method: 'POST',
    signal: io.signal,
  });
  if (!created.ok) throw new Error(await created.text());
  const run = (await created.json()) as { id: string };
  io.log('following one run of events four ways at once…');

  // A delay is when an event arrived here less when it happened,
  // moved onto our clock; clamped at 0, since the offset is only as
  // exact as its round trip.
  const delays = new Map<string, number[]>();
  const heard = (name: string): Heard => {
    delays.set(name, []);
    return (e) =>
      delays
        .get(name)!
        .push(Math.max(0, Math.round(Date.now() - (e.at - offset))));
  };
  // All four at once, on the same run; the server meters each apart.
  const query = `run=${run.id}`;
  await Promise.all([
    shortPolling(io, query, heard('short-poll')),
    longPolling(io, query, heard('long-poll')),
    serverSentEvents(io, query, heard('sse')),
    webSocket(io, query, heard('websocket')),
  ]);
  await report(io, query, delays);
}
// #endregion run

// #region clock
/**
 * The server's clock minus ours, from the quickest of five round
 * trips, taking the server to have read its clock halfway through.
 */
async function clockOffset(io: DemoIO) {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const sent = Date.now();
    const response = await fetch(io.url('/why/clock'), {
      signal: io.signal,
    });
    const { now } = (await response.json()) as { now: number };
    const back = Date.now();
    if (back - sent < best.rtt) {
      best = { rtt: back - sent, offset: now - (sent + back) / 2 };
    }
  }
  return best.offset;
}
// #endregion clock

// #region short
/** Asks every 500 ms whether anything happened. */
async function shortPolling(io: DemoIO, query: string, heard: Heard) {
  for (let after = 0; ; ) {
    const path = `/why/poll?${query}&after=${after}`;
    const batch = await getBatch(io, path);
    batch.events.forEach(heard);
    after += batch.events.length;
    if (batch.done) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
}
// #endregion short

// #region long
/** Asks again at once: the server holds each question until news. */
async function longPolling(io: DemoIO, query: string, heard: Heard) {
  for (let after = 0; ; ) {
    const path = `/why/long-poll?${query}&after=${after}`;
    const batch = await getBatch(io, path);
    batch.events.forEach(heard);
    after += batch.events.length;
    if (batch.done) return;
  }
}
// #endregion long

// #region sse
/** Reads one long response of `data:` blocks split by blank lines. */
async function serverSentEvents(io: DemoIO, query: string, heard: Heard) {
  const response = await fetch(io.url(`/why/sse?${query}`), {
    headers: { accept: 'text/event-stream' },
    signal: io.signal,
  });
  const reader = response
    .body!.pipeThrough(new TextDecoderStream())
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop()!;
    for (const block of blocks) {
      const lines = block.split('\n');
      const data = lines.find((l) => l.startsWith('data: '));
      if (!block.startsWith('event: done') && data) {
        heard(JSON.parse(data.slice(6)) as WhyEvent);
      }
    }
  }
}
// #endregion sse

// #region websocket
/** One connection; the server sends each event as it happens. */
function webSocket(io: DemoIO, query: string, heard: Heard) {
  const ws = new io.WebSocket(io.url(`/ws/why?${query}`, 'ws'));
  io.signal.addEventListener('abort', () => ws.close());
  return new Promise<void>((resolve, reject) => {
    ws.onmessage = (message: MessageEvent<string>) =>
      heard(JSON.parse(message.data) as WhyEvent);
    ws.onclose = (event) => {
      if (event.code === CloseCode.NORMAL) resolve();
      else reject(new Error(`WebSocket closed with ${event.code}`));
    };
  });
}
// #endregion websocket

async function getBatch(io: DemoIO, path: string): Promise<Batch> {
  const response = await fetch(io.url(path), { signal: io.signal });
  if (!response.ok) throw new Error(await response.text());
  return (await response.json()) as Batch;
}
