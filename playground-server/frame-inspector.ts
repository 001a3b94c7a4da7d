// The raw echo server's frame inspector: a side channel on which a
// page watches, live, each frame the server reads and writes on one
// of its connections (docs/websocket/raw-server.mdx).
//
// A page picks a random id and opens WS /ws/raw-inspect?id=ID first,
// then WS /ws/raw-echo?inspect=ID. Every frame of the second goes to
// the first as a JSON FrameRecord; when the second closes, so does the
// first. The inspected connection itself behaves like any other.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { upgrade } from '../examples/websocket/echo-server.ts';
import { describeFrame } from '../examples/websocket/frame-record.ts';
import type { RawConnection } from '../examples/websocket/raw-server.ts';
import { refuseUpgrade } from './http-reply.ts';

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

/** The inspectors' WebSocket server, and how raw connections join it. */
export function createFrameInspector(limits: InspectorLimits) {
  // Inspectors only listen; anything they send is tiny or refused.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 125 });
  const waiting = new Map<string, WebSocket>();

  /** Opens an inspector for ?id=ID (the upgrade of /ws/raw-inspect). */
  function watch(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const id = paramOf(req, 'id');
    if (!ID.test(id)) {
      return refuseUpgrade(socket, 400, 'id must be 8 to 64 letters, digits, "-" or "_"');
    }
    if (waiting.has(id)) return refuseUpgrade(socket, 409, `id ${id} is already being watched`);
    if (wss.clients.size >= limits.watchers) {
      return refuseUpgrade(socket, 503, 'too many inspectors are open; try again soon');
    }
    upgrade(wss, req, socket, head, (ws) => {
      waiting.set(id, ws);
      const timer = setTimeout(() => ws.close(1000, 'inspection time is up'), limits.watchMs);
      ws.on('error', () => {});
      ws.once('close', () => {
        clearTimeout(timer);
        if (waiting.get(id) === ws) waiting.delete(id);
      });
    });
  }

  /** Reports a new raw connection's frames, if it asked ?inspect=ID. */
  function attach(connection: RawConnection, req: IncomingMessage) {
    const id = paramOf(req, 'inspect');
    const inspector = waiting.get(id);
    if (!inspector) return;
    // One connection per inspector: the id is used up.
    waiting.delete(id);
    let seen = 0;
    connection.on('frame', (direction, frame) => {
      seen++;
      if (seen > limits.frames || inspector.readyState !== WebSocket.OPEN) return;
      inspector.send(JSON.stringify(describeFrame(direction, frame)));
    });
    connection.once('close', () => {
      const unseen = seen - limits.frames;
      inspector.close(
        1000,
        unseen > 0 ? `connection closed; ${unseen} more frames not shown` : 'connection closed',
      );
    });
  }

  return { wss, watch, attach };
}

function paramOf(req: IncomingMessage, name: string) {
  return new URL(req.url ?? '/', 'http://playground').searchParams.get(name) ?? '';
}
