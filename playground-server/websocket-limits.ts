// Limits every WebSocket endpoint gets, whichever mount it comes from:
// a cap on the sockets one client address may hold open, a rate limit
// (a token bucket) on the messages each connection sends, and an idle
// timeout for connections over which nothing passes.
//
// app.ts calls admit() on every upgrade before a route sees it, and
// watch() once for each WebSocketServer a mount registers.
//
// Over the cap, the upgrade is refused with 429 and a body that says
// why, before any WebSocket exists: a flood of handshakes costs one
// short HTTP answer each, like the 403 of the Origin check. (A browser
// shows a refused handshake to the page only as close code 1006; a
// client such as ws, gorilla or curl sees the 429 and its body.)
// The cap counts TCP sockets that came through an upgrade, from the
// handshake until the socket closes, so it holds even for endpoints
// that speak WebSocket without `ws`.
//
// Over the message rate, the connection is closed with 1008 (policy
// violation). Messages the peer had already sent still reach the
// endpoint's own listeners; they must ignore a socket that is no
// longer OPEN.
//
// A connection over which no message has passed, either way, for
// WS_IDLE_TIMEOUT_MS is closed with 1000 and says so in its reason: it
// holds one of its address's places and some memory, and a reader who
// comes back reconnects. Pings do not count: the heartbeat keeps
// finding out whether a peer is alive, not whether it is in use.
//
// "Client address" is the TCP peer, or with TRUST_PROXY the address a
// trusted load balancer forwarded (client-address.ts).

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { TokenBucket } from '../examples/websocket/token-bucket.ts';
import { type ClientAddressOf, clientAddressOf } from './client-address.ts';
import type { Config } from './config.ts';
import { refuseUpgrade } from './http-reply.ts';

type LimitCode = 'WS_TOO_MANY_SOCKETS' | 'WS_TOO_MANY_MESSAGES' | 'WS_IDLE';

/**
 * A limit a client hit, and its answer: an HTTP status before the
 * upgrade, or a close code after it.
 */
export class WebSocketLimitError extends Error {
  override name = 'WebSocketLimitError';
  readonly code: LimitCode;
  readonly status: number | undefined;
  readonly closeCode: number | undefined;

  constructor(
    code: LimitCode,
    message: string,
    answer: { status: number } | { closeCode: number },
  ) {
    super(message);
    this.code = code;
    this.status = 'status' in answer ? answer.status : undefined;
    this.closeCode = 'closeCode' in answer ? answer.closeCode : undefined;
  }
}

/** Every limit error, made here and nowhere else. */
export const limitErrors = {
  tooManySockets: (max: number) =>
    new WebSocketLimitError(
      'WS_TOO_MANY_SOCKETS',
      `This address already has ${max} WebSockets open here, the most ` +
        'it may; close one and try again',
      { status: 429 },
    ),
  // A close reason may be at most 123 bytes; this one is far shorter.
  tooManyMessages: (perSecond: number) =>
    new WebSocketLimitError(
      'WS_TOO_MANY_MESSAGES',
      `too many messages: at most ${perSecond} a second`,
      { closeCode: 1008 },
    ),
  idle: (idleMs: number) =>
    new WebSocketLimitError('WS_IDLE', `idle for ${idleMs / 1000} s`, { closeCode: 1000 }),
};

/** The limits, as app.ts applies them. */
export interface WebSocketLimits {
  /** Counts an upgrade against its address, or answers it 429. */
  admit(req: IncomingMessage, socket: Duplex): boolean;
  /**
   * Rate-limits the messages of every connection `wss` accepts, and
   * closes those that stay idle.
   */
  watch(wss: WebSocketServer): void;
  /** The upgraded sockets `address` holds open now. */
  socketsOf(address: string): number;
}

/**
 * The limits configured by WS_MAX_PER_CLIENT (0: no cap),
 * WS_MESSAGE_*, WS_IDLE_TIMEOUT_MS and TRUST_PROXY.
 */
export function createWebSocketLimits(
  config: Pick<Config, 'wsMaxPerClient' | 'wsMessagesPerSecond' | 'wsMessageBurst'> &
    Partial<Pick<Config, 'wsIdleTimeoutMs' | 'trustProxy'>>,
  now: () => number = turnClock,
): WebSocketLimits {
  const open = new Map<string, number>();
  const addressOf: ClientAddressOf = clientAddressOf(config.trustProxy ?? []);
  const cap = config.wsMaxPerClient;

  const limitMessages = messageLimiter(config, now);
  const { wsIdleTimeoutMs: idleMs } = config;
  const onConnection = (ws: WebSocket) => {
    const allowed = limitMessages((code, reason) => ws.close(code, reason));
    const idle =
      idleMs === undefined
        ? undefined
        : idleTimer(idleMs, (code, reason) => ws.close(code, reason), now);
    // First in line, so the limit is checked before the endpoint's
    // own listener sees the message.
    ws.prependListener('message', () => {
      if (ws.readyState !== ws.OPEN) return;
      idle?.touch();
      allowed();
    });
    if (!idle) return;
    // What the endpoint sends counts as activity too.
    const send = ws.send.bind(ws) as (...args: unknown[]) => void;
    ws.send = ((...args: unknown[]) => {
      idle.touch();
      send(...args);
    }) as WebSocket['send'];
    ws.once('close', idle.stop);
  };

  return {
    admit(req, socket) {
      if (cap === 0) return true;
      const address = addressOf(req);
      const count = open.get(address) ?? 0;
      if (count >= cap) {
        const error = limitErrors.tooManySockets(config.wsMaxPerClient);
        refuseUpgrade(socket, error.status ?? 429, error.message);
        return false;
      }
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
      return true;
    },
    watch(wss) {
      wss.on('connection', onConnection);
    },
    socketsOf: (address) => open.get(address) ?? 0,
  };
}

/**
 * The message budget of one connection, for endpoints that are not
 * ws servers: call the returned check once per message; over the rate
 * it closes the connection with 1008 (once) and answers false.
 */
export function messageLimiter(
  config: Pick<Config, 'wsMessagesPerSecond' | 'wsMessageBurst'>,
  now: () => number = turnClock,
) {
  return (close: (code: number, reason: string) => void) => {
    const bucket = new TokenBucket(
      {
        capacity: config.wsMessageBurst,
        perSecond: config.wsMessagesPerSecond,
      },
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
  };
}

/**
 * Closes a connection over which nothing has passed for `idleMs`:
 * touch() on every message either way, stop() once it is closed. One
 * timer a connection, re-armed only when it fires, so a busy
 * connection pays for a timestamp per message, not a timer.
 */
export function idleTimer(
  idleMs: number,
  close: (code: number, reason: string) => void,
  now: () => number = turnClock,
) {
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

let reading: number | undefined;
const forget = () => {
  reading = undefined;
};

/**
 * performance.now(), read once in each turn of the event loop that
 * asks for it. A busy turn handles many messages, each of which the
 * limits timestamp once or twice; the limits count milliseconds, and
 * a turn normally takes well under one, so one reading serves them all
 * (a clock read costs about as much as the rest of the limits).
 */
export function turnClock() {
  if (reading === undefined) {
    reading = performance.now();
    setImmediate(forget);
  }
  return reading;
}
