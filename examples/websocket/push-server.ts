// Server push: what HTTP alone cannot do. Over one WebSocket per
// reader the server sends, without being asked, a tick every second,
// presence ("N readers here") when it changes, and every reader's chat.
//
// Chat and presence go through a pub/sub broker rather than straight
// to this process's sockets, so that several instances sharing one
// broker (Redis, say) serve one room. Every send to a reader is
// bounded (send-queue.ts): a reader who stops reading is dropped with
// 1013 before it can make the server hoard memory.
//
// Ticks and chat, what every reader is sent alike, are numbered
// (`seq`) and the last of them kept by a log (push-log.ts), so a
// reader who reconnects with `?since=SEQ` gets what it missed.
// Presence is not: it is a state, and a newcomer is told it anyway.
// The welcome names the stream (by default this instance, until it
// restarts) and `last`, the seq after which its messages start.
//
// Server → reader, one JSON text message each:
//   {"type":"welcome","name":"reader-3fa2c1","stream":"…","last":41}
//   {"type":"gap","since":5,"resume":120,"reason":"expired"}
//   {"type":"tick","at":1767225600000,"seq":42}
//   {"type":"presence","readers":2}
//   {"type":"chat","from":"reader-3fa2c1","text":"hi","at":…,"seq":43}
//   {"type":"error","code":"too-long","message":"at most 280 …"}
// Reader → server: {"type":"chat","text":"hi"}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { ChatError, chatErrors, parseChat } from './chat-message.ts';
import { CloseCode } from './close-codes.ts';
import { decodeReport, encodeReport, PresenceTally } from './presence.ts';
import type { PubSub } from './pubsub.ts';
import { createLocalLog, type PushLog } from './push-log.ts';
import { sendBounded } from './send-queue.ts';
import { TokenBucket } from './token-bucket.ts';

/** What the playground configures. */
export interface PushOptions {
  pubsub: PubSub;
  tickMs: number;
  maxPayload: number;
  sendQueueBytes: number;
  /** Numbered messages kept for readers who resume. */
  replay: number;
  /** Numbers ticks and chat; by default this process's own log. */
  log?: PushLog | undefined;
  chat: { maxChars: number; perMinute: number; burst: number };
}

/** The broker's channel for presence. */
const PRESENCE = 'push:presence';
/** How long comings and goings are gathered before one report. */
const PRESENCE_MS = 100;

// #region server
/** The /ws/push endpoint: create once, hand it every upgrade. */
export function createPushServer(options: PushOptions) {
  const { pubsub, sendQueueBytes: limit } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
  });
  const instance = randomBytes(8).toString('hex');
  const log = options.log ?? createLocalLog(pubsub, options.replay);
  // A server silent for three ticks (ten seconds at least, so a
  // busy one is not mistaken for a dead one) drops out of the count.
  const tally = new PresenceTally(Math.max(3 * options.tickMs, 10_000));
  // The total last announced, and what each reader was last told:
  // a newcomer is told at once, everyone else when the total changes.
  let announced = -1;
  const told = new WeakMap<WebSocket, number>();
  // The last seq each reader was sent; and, while the log looks up
  // where a newcomer starts, the live messages held back for it.
  const sentUpTo = new WeakMap<WebSocket, number>();
  const held = new WeakMap<WebSocket, [string, number][]>();

  const send = (ws: WebSocket, value: object) =>
    sendBounded(ws, JSON.stringify(value), limit);
  // Each numbered message once, in order, after the reader's welcome.
  const deliver = (ws: WebSocket, message: string, seq: number) => {
    const waiting = held.get(ws);
    if (waiting) return void waiting.push([message, seq]);
    if (seq <= (sentUpTo.get(ws) ?? Infinity)) return;
    sentUpTo.set(ws, seq);
    sendBounded(ws, message, limit);
  };
  const tell = (ws: WebSocket, readers: number) => {
    if (held.has(ws) || told.get(ws) === readers) return;
    told.set(ws, readers);
    send(ws, { type: 'presence', readers });
  };
  const updatePresence = (readers: number) => {
    if (readers === announced) return;
    announced = readers;
    for (const ws of wss.clients) tell(ws, readers);
  };
  // #endregion server

  // #region report
  // Tell every instance how many readers this one has. Its own count
  // it knows at once; the others' come through the channel.
  const report = () => {
    const own = { instance, readers: wss.clients.size };
    pubsub.publish(PRESENCE, encodeReport(own));
    updatePresence(tally.record(own, Date.now()));
  };
  // Readers arrive in crowds (a class opening the page together). A
  // report and a broadcast for each would cost readers² messages, so
  // arrivals and departures are reported together, PRESENCE_MS later.
  let pending: NodeJS.Timeout | undefined;
  const reportSoon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      report();
    }, PRESENCE_MS);
  };

  // A log that cannot answer (its store out of reach), or can no
  // longer promise every seq once, closes every reader with 1013:
  // each comes back later and resumes from its seq.
  const dropEveryone = (error: unknown) => {
    for (const ws of wss.clients) {
      // A newcomer still waiting for the log gets its own answer.
      if (!held.has(ws)) ws.close(CloseCode.TRY_AGAIN_LATER, reasonOf(error));
    }
  };
  const settle = (result: void | Promise<void>) => {
    result?.catch(dropEveryone);
  };
  const unsubscribe = [
    log.listen((message, seq) => {
      for (const ws of wss.clients) deliver(ws, message, seq);
    }, dropEveryone),
    pubsub.subscribe(PRESENCE, (message) => {
      const heard = decodeReport(message);
      if (heard) updatePresence(tally.record(heard, Date.now()));
    }),
  ];
  const ticker = setInterval(() => {
    settle(log.tick({ type: 'tick', at: Date.now() }));
    report();
  }, options.tickMs);
  // #endregion report

  // #region resume
  /** Welcomes a reader, and replays what it missed if it resumes. */
  const welcome = async (
    ws: WebSocket,
    name: string,
    asked: Resuming | null,
  ) => {
    // Live messages wait while the log answers, so that none comes
    // before the welcome or in the middle of the replay.
    held.set(ws, []);
    const { stream, last, gap, messages } = await log.resume(asked);
    send(ws, { type: 'welcome', name, stream, last });
    if (gap) send(ws, { type: 'gap', ...gap });
    for (const message of messages) sendBounded(ws, message, limit);
    sentUpTo.set(ws, last + messages.length);
    // The newcomer hears the total at once; everyone else with the
    // next report.
    const waiting = held.get(ws) ?? [];
    held.delete(ws);
    tell(ws, tally.record({ instance, readers: wss.clients.size }, Date.now()));
    // What arrived meanwhile, less what the replay already held.
    for (const [message, seq] of waiting) deliver(ws, message, seq);
  };
  // #endregion resume

  // #region connection
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const asked = parseResume(request.url ?? '/');
    if (typeof asked === 'string') {
      ws.close(CloseCode.POLICY_VIOLATION, asked);
      return;
    }
    const name = `reader-${randomBytes(3).toString('hex')}`;
    const { perMinute, burst, maxChars } = options.chat;
    const bucket = new TokenBucket(
      { capacity: burst, perSecond: perMinute / 60 },
      Date.now(),
    );
    welcome(ws, name, asked).catch((error: unknown) => {
      ws.close(CloseCode.TRY_AGAIN_LATER, reasonOf(error));
    });
    reportSoon();

    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        const text = parseChat(data, isBinary, maxChars);
        if (!bucket.take(Date.now())) {
          throw chatErrors.tooFast(bucket.waitMs(Date.now()));
        }
        const at = Date.now();
        settle(log.chat({ type: 'chat', from: name, text, at }));
      } catch (error) {
        if (!(error instanceof ChatError)) throw error;
        const { code, message, closeCode } = error;
        if (closeCode) ws.close(closeCode, message);
        else send(ws, { type: 'error', code, message });
      }
    });
    ws.on('close', reportSoon);
    // Protocol errors (1002, 1007, 1009) are closed by ws itself.
    ws.on('error', () => {});
  });
  // #endregion connection

  return {
    wss,
    /** Stops the ticks and leaves the log and the broker's channels. */
    close() {
      clearInterval(ticker);
      clearTimeout(pending);
      pubsub.publish(PRESENCE, encodeReport({ instance, readers: 0 }));
      for (const undo of unsubscribe) undo();
      // A log passed in is its owner's to close.
      if (!options.log) void log.close();
    },
  };
}

/** A close reason from an error: at most 123 bytes (RFC 6455 §5.5). */
function reasonOf(error: unknown) {
  let why = error instanceof Error ? error.message : String(error);
  while (Buffer.byteLength(why) > 123) why = why.slice(0, -1);
  return why;
}

// #region since
/** Where a reader resumes: after `since`, counted by `stream`. */
export interface Resuming {
  since: number;
  stream: string | null;
}

/** The largest seq a reader may name: JSON numbers stay exact to it. */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * Where a reader resumes: `?since=SEQ`, the last seq it got, and
 * `&stream=ID`, the stream that counted it (from its welcome). Null
 * for a fresh reader; a string saying why when malformed.
 */
export function parseResume(url: string): Resuming | null | string {
  const query = new URL(url, 'http://localhost').searchParams;
  const since = query.get('since');
  const stream = query.get('stream');
  if (since === null) return stream === null ? null : 'stream needs since';
  if (!/^\d{1,16}$/.test(since) || Number(since) > MAX_SEQ) {
    return `since must be a whole number from 0 to ${MAX_SEQ}`;
  }
  if (stream !== null && !/^[0-9a-f]{16}$/.test(stream)) {
    return 'stream must be the 16 hex digits a welcome gave';
  }
  return { since: Number(since), stream };
}
// #endregion since
