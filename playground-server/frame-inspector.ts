// The raw echo server's frame inspector: a side channel on which a
// page watches, live, each frame the server reads and writes on one
// of its connections (docs/websocket/raw-server.mdx).
//
// A page picks a random id and opens WS /ws/raw-inspect?id=ID first,
// then WS /ws/raw-echo?inspect=ID. Every frame of the second goes to
// the first as a JSON FrameRecord; when the second closes, so does the
// first. The inspected connection itself behaves like any other.
//
// Where an inspector waits is the routes' business: in this process
// (memoryRoutes below), or, with REDIS_URL, anywhere in the deployment
// (state/inspector-redis.ts), so that the two connections may reach
// different instances behind a load balancer.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { refuseUpgrade } from '../examples/http-reply.ts';
import { CloseCode } from '../examples/websocket/close-codes.ts';
import { upgrade } from '../examples/websocket/echo-server.ts';
import { describeFrame } from '../examples/websocket/frame-record.ts';
import type { RawConnection } from '../examples/websocket/raw-server.ts';

/** How much inspecting the playground allows. */
export interface InspectorLimits {
  /** Inspectors open at once; one more gets 503. */
  watchers: number;
  /** Frames reported per inspected connection. */
  frames: number;
  /** How long an inspector stays open, at most. */
  watchMs: number;
}

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Where an inspected connection's frames go: to its inspector. */
export interface Sink {
  /** One frame, as a JSON FrameRecord. */
  frame(record: string): void;
  /** The connection closed; `reason` says so, and what was not shown. */
  end(reason: string): void;
}

/** How an inspector and the connection it watches find each other. */
export interface InspectorRoutes {
  /** Marks `id` as watched, into `sink`; false if it already is. */
  wait(id: string, sink: Sink): boolean | Promise<boolean>;
  /** The inspector closed: `id` is free again. */
  leave(id: string, sink: Sink): void;
  /** Uses `id` up for one connection: its inspector's sink, or null. */
  claim(id: string): Sink | null | Promise<Sink | null>;
}

/** Routes inside this process. */
export function memoryRoutes(): InspectorRoutes {
  const waiting = new Map<string, Sink>();
  return {
    wait(id, sink) {
      if (waiting.has(id)) return false;
      waiting.set(id, sink);
      return true;
    },
    leave(id, sink) {
      if (waiting.get(id) === sink) waiting.delete(id);
    },
    claim(id) {
      const sink = waiting.get(id) ?? null;
      waiting.delete(id);
      return sink;
    },
  };
}

/** The inspectors' WebSocket server, and how raw connections join it. */
export function createFrameInspector(
  limits: InspectorLimits,
  routes: InspectorRoutes = memoryRoutes(),
) {
  // Inspectors only listen; anything they send is tiny or refused.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 125 });

  /** Opens an inspector for ?id=ID (the upgrade of /ws/raw-inspect). */
  async function watch(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const id = paramOf(req, 'id');
    if (!ID.test(id)) {
      return refuseUpgrade(socket, 400, 'id must be 8 to 64 letters, digits, "-" or "_"');
    }
    // The sink exists before the socket: frames can only come once the
    // page has seen this upgrade succeed, and by then ws is set.
    let ws: WebSocket | undefined;
    const sink: Sink = {
      frame: (record) => {
        if (ws?.readyState === WebSocket.OPEN) ws.send(record);
      },
      end: (reason) => ws?.close(CloseCode.NORMAL, reason),
    };
    let routed: boolean;
    try {
      routed = await routes.wait(id, sink);
    } catch (error) {
      // Routes that cannot be reached (Redis away) say why.
      return refuseUpgrade(socket, 503, (error as Error).message);
    }
    if (!routed) return refuseUpgrade(socket, 409, `id ${id} is already being watched`);
    // Checked after the wait, and the upgrade follows in the same turn,
    // so inspectors opening together cannot pass the limit together.
    if (socket.destroyed || wss.clients.size >= limits.watchers) {
      routes.leave(id, sink);
      return refuseUpgrade(socket, 503, 'too many inspectors are open; try again soon');
    }
    upgrade(wss, req, socket, head, (opened) => {
      ws = opened;
      const timer = setTimeout(
        () => opened.close(CloseCode.NORMAL, 'inspection time is up'),
        limits.watchMs,
      );
      opened.on('error', () => {});
      opened.once('close', () => {
        clearTimeout(timer);
        routes.leave(id, sink);
      });
    });
  }

  /** Reports a new raw connection's frames, if it asked ?inspect=ID. */
  function attach(connection: RawConnection, req: IncomingMessage) {
    const id = paramOf(req, 'inspect');
    if (!ID.test(id)) return;
    // Frames wait here while the inspector is looked up; undefined
    // until then, null when no one watches.
    let sink: Sink | null | undefined;
    const early: string[] = [];
    let ended: string | undefined;
    let seen = 0;
    connection.on('frame', (direction, frame) => {
      seen++;
      if (seen > limits.frames || sink === null) return;
      const record = JSON.stringify(describeFrame(direction, frame));
      if (sink) sink.frame(record);
      else early.push(record);
    });
    connection.once('close', () => {
      const unseen = seen - limits.frames;
      const reason =
        unseen > 0 ? `connection closed; ${unseen} more frames not shown` : 'connection closed';
      if (sink) sink.end(reason);
      else ended = reason;
    });
    // One connection per inspector: the id is used up. Without a way
    // to reach the inspector, the echo goes on uninspected.
    Promise.resolve(routes.claim(id)).then(
      (found) => {
        sink = found;
        if (!found) return;
        for (const record of early.splice(0)) found.frame(record);
        if (ended !== undefined) found.end(ended);
      },
      () => {
        sink = null;
      },
    );
  }

  return { wss, watch, attach };
}

function paramOf(req: IncomingMessage, name: string) {
  return new URL(req.url ?? '/', 'http://playground').searchParams.get(name) ?? '';
}
