// What one part of the site adds to the playground. Each part
// (websocket, sockets, rest, rpc) has one mount in mounts/, built from
// its examples' handlers; app.ts composes them and routes to them.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { RawEchoServer } from '../examples/websocket/raw-server.ts';

/** Handles a plain HTTP request. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Takes over an HTTP Upgrade request's socket. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * A WebSocket server a mount registers: ws's WebSocketServer, or the
 * one written from scratch. Each emits 'connection' for every socket
 * it takes, which is where app.ts applies the limits and heartbeat.
 */
export type MountedWebSocketServer = WebSocketServer | RawEchoServer;

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
   * The servers behind `websockets`, every one of them: their clients
   * are held to the limits (websocket-limits.ts) and the heartbeat,
   * count in /healthz and get 1001 on close. A ws server takes its
   * upgrades through upgrade() of examples/websocket/echo-server.ts,
   * which emits 'connection'.
   */
  websocketServers?: MountedWebSocketServer[];
  /** Starts listeners of its own, such as TCP and UDP ports. */
  start?(): Promise<void>;
  /** Facts for /healthz, e.g. the ports it listens on. */
  health?(): Record<string, unknown> | null;
  /** Releases everything start() and the handlers hold. */
  close?(): Promise<void>;
}
