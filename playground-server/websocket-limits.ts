// Limits every WebSocket endpoint gets, whichever mount it comes from
// and whether it speaks WebSocket through ws or from scratch
// (raw-server.ts): a cap on the sockets one client address may hold
// open (admission.ts), a rate limit on the messages each connection
// sends (message-rate.ts), and an idle timeout (idle-timer.ts).
//
// app.ts calls admit() on every upgrade before a route sees it, and
// watch() once for each server a mount registers.
//
// Over the cap, the upgrade is refused with 429 and a body that says
// why, before any WebSocket exists: a flood of handshakes costs one
// short HTTP answer each, like the 403 of the Origin check. (A browser
// shows a refused handshake to the page only as close code 1006; a
// client such as ws, gorilla or curl sees the 429 and its body.)
// The cap counts TCP sockets that came through an upgrade, from the
// handshake until the socket closes.
//
// "Client address" is the TCP peer, or with TRUST_PROXY the address a
// trusted load balancer forwarded (client-address.ts).
//
// With REDIS_URL the cap holds for the whole deployment: the sockets
// an address holds on every instance count (admission-redis.ts), and
// the upgrade waits for Redis's answer. Message rates and idle
// timeouts belong to one connection, which lives on one instance, and
// stay here.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { refuseUpgrade } from '../examples/http-reply.ts';
import { OPCODES } from '../examples/websocket/frame.ts';
import { type RawConnection, RawEchoServer } from '../examples/websocket/raw-server.ts';
import { Admission, type AdmissionRefusal } from './admission.ts';
import { type Release, SharedAdmission } from './admission-redis.ts';
import { type ClientAddressOf, clientAddressOf } from './client-address.ts';
import type { Config } from './config.ts';
import { idleTimer } from './idle-timer.ts';
import { type Close, messageRate } from './message-rate.ts';
import type { SharedRedis } from './shared-redis.ts';
import { turnClock } from './turn-clock.ts';
import { limitErrors } from './websocket-limit-error.ts';

/** A server whose connections the limits watch: ws's, or raw-server.ts's. */
export type WatchedServer = WebSocketServer | RawEchoServer;

/** The limits, as app.ts applies them. */
export interface WebSocketLimits {
  /**
   * Counts an upgrade against its address, or answers it 429: at once,
   * or once Redis has answered (REDIS_URL).
   */
  admit(req: IncomingMessage, socket: Duplex): boolean | Promise<boolean>;
  /**
   * Rate-limits the messages of every connection `server` accepts, and
   * closes those that stay idle.
   */
  watch(server: WatchedServer): void;
  /** The upgraded sockets `address` holds open on this instance now. */
  socketsOf(address: string): number;
  /** Stops counting in Redis, if it does. */
  close(): Promise<void>;
}

/**
 * The limits configured by WS_MAX_PER_CLIENT (0: no cap),
 * WS_MESSAGE_*, WS_IDLE_TIMEOUT_MS and TRUST_PROXY; the cap counted
 * in `redis` when there is one.
 */
export function createWebSocketLimits(
  config: Pick<Config, 'wsMaxPerClient' | 'wsMessagesPerSecond' | 'wsMessageBurst'> &
    Partial<Pick<Config, 'wsIdleTimeoutMs' | 'trustProxy'>>,
  now: () => number = turnClock,
  redis: SharedRedis | null = null,
): WebSocketLimits {
  const addressOf: ClientAddressOf = clientAddressOf(config.trustProxy ?? []);
  const cap = config.wsMaxPerClient;
  const open =
    redis && cap > 0
      ? new SharedAdmission(redis, 'ws', { perKey: cap })
      : new Admission({ perKey: cap });

  /** Answers 429 over the cap; else counts the socket until it closes. */
  const answer = (socket: Duplex, admitted: AdmissionRefusal | Release) => {
    if (typeof admitted === 'string') {
      const error = limitErrors.tooManySockets(cap);
      refuseUpgrade(socket, error.status ?? 429, error.message);
      return false;
    }
    socket.once('close', admitted);
    return true;
  };
  const { wsIdleTimeoutMs: idleMs } = config;

  /** One connection's budget and idle timer, fed by its adapter. */
  const limitsOf = (close: Close) => {
    const allowed = messageRate(config, close, now);
    const idle = idleMs === undefined ? undefined : idleTimer(idleMs, close, now);
    return { allowed, touch: () => idle?.touch(), stop: () => idle?.stop() };
  };

  const watchWs = (ws: WebSocket) => {
    const limits = limitsOf((code, reason) => ws.close(code, reason));
    // First in line, so the limit is checked before the endpoint's
    // own listener sees the message.
    ws.prependListener('message', () => {
      if (ws.readyState !== ws.OPEN) return;
      limits.touch();
      limits.allowed();
    });
    ws.once('close', limits.stop);
    if (idleMs === undefined) return;
    // What the endpoint sends counts as activity too.
    const send = ws.send.bind(ws) as (...args: unknown[]) => void;
    ws.send = ((...args: unknown[]) => {
      limits.touch();
      send(...args);
    }) as WebSocket['send'];
  };

  const watchRaw = (connection: RawConnection) => {
    const limits = limitsOf((code, reason) => connection.close(code, reason));
    // The raw server emits each frame before it answers it, so the
    // limit is checked first here too. Every frame read counts against
    // the rate (a flood of pings too); only data frames, either way,
    // keep the connection from being idle, as only messages do on ws.
    connection.on('frame', (direction, frame) => {
      if (frame.opcode < OPCODES.close) limits.touch();
      if (direction === 'read') limits.allowed();
    });
    connection.once('close', limits.stop);
  };

  return {
    admit(req, socket) {
      if (cap === 0) return true;
      const address = addressOf(req);
      if (open instanceof SharedAdmission) {
        return open.admit(address).then((admitted) => {
          // A socket that closed while Redis was asked gives its place
          // back at once: its 'close' has been and gone.
          if (!socket.destroyed) return answer(socket, admitted);
          if (typeof admitted === 'function') admitted();
          return false;
        });
      }
      return answer(socket, open.refusal(address) ?? open.take(address));
    },
    watch(server) {
      if (server instanceof RawEchoServer) server.on('connection', watchRaw);
      else server.on('connection', watchWs);
    },
    socketsOf: (address) => open.heldBy(address),
    async close() {
      if (open instanceof SharedAdmission) await open.close();
    },
  };
}
