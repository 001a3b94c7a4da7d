// What one part of the site adds to the playground. Each part
// (websocket, sockets, rest, rpc) has one mount in mounts/, built from
// its examples' handlers; app.ts composes them and routes to them.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Handles a plain HTTP request. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Takes over an HTTP Upgrade request's socket. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * What the playground needs of a WebSocket server: ws's
 * WebSocketServer, or one written from scratch with the same shape.
 */
export interface WebSocketServerLike {
  clients: ReadonlySet<{
    close(code?: number, reason?: string): void;
    terminate(): void;
    once(event: 'close', listener: (...args: unknown[]) => void): unknown;
  }>;
  close(done?: (...args: unknown[]) => void): void;
}

/** A part's endpoints and resources. */
export interface Mount {
  /** Its name, for logs and /healthz. */
  name: string;
  /**
   * HTTP handlers by exact path ("/rpc"), or by prefix when the key
   * ends in "/" ("/api/"); the longest matching key wins.
   */
  http?: Record<string, RequestHandler>;
  /** WebSocket endpoints by exact path, e.g. "/ws/echo". */
  websockets?: Record<string, UpgradeHandler>;
  /**
   * Servers whose clients count in /healthz and get 1001 on close. The
   * ws servers among them are also rate-limited (websocket-limits.ts);
   * their upgrade callbacks must emit 'connection', as ws's examples do.
   */
  websocketServers?: WebSocketServerLike[];
  /** Starts listeners of its own, such as TCP and UDP ports. */
  start?(): Promise<void>;
  /** Facts for /healthz, e.g. the ports it listens on. */
  health?(): Record<string, unknown>;
  /** Releases everything start() and the handlers hold. */
  close?(): Promise<void>;
}
