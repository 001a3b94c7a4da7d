// What one part of the site adds to the playground. Each part
// (websocket, sockets, rest, rpc) has one mount in mounts/, built from
// its examples' handlers; app.ts composes them and routes to them.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

/** Handles a plain HTTP request. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Takes over an HTTP Upgrade request's socket. */
export type UpgradeHandler = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) => void;

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
   * Servers whose clients count in /healthz, get 1001 on close, and
   * are rate-limited (websocket-limits.ts). Their upgrade callbacks
   * must emit 'connection', as ws's handleUpgrade examples do.
   */
  websocketServers?: WebSocketServer[];
  /** Starts listeners of its own, such as TCP and UDP ports. */
  start?(): Promise<void>;
  /** Facts for /healthz, e.g. the ports it listens on. */
  health?(): Record<string, unknown>;
  /** Releases everything start() and the handlers hold. */
  close?(): Promise<void>;
}
