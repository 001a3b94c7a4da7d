// A client of /ws/echo-deflate: messages of different kinds,
// each followed by the server's account of its size on the wire, then
// a message that compresses small and inflates past the server's
// limit. The browser (or Node) offers permessage-deflate by itself;
// the page's code does nothing to ask for it.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import type { WireReport } from './deflate-echo.ts';

// #region run
/** Sends small, repetitive, repeated and random messages; then a bomb. */
export async function run(io: DemoIO): Promise<void> {
  const ws = new io.WebSocket(io.url('/ws/echo-deflate', 'ws'));
  ws.binaryType = 'arraybuffer';
  const next = inbox(ws, io.signal);
  await next();
  // What the handshake agreed on (Sec-WebSocket-Extensions).
  io.log(`extensions: ${ws.extensions || '(none)'}`);
  const rows = [];
  for (const [kind, message] of samples()) {
    ws.send(message);
    await next(); // the echo
    const report = JSON.parse(String(await next())) as WireReport;
    const { messageBytes, wireIn, wireOut } = report;
    rows.push({ kind, messageBytes, wireIn, wireOut });
  }
  io.show('table', rows);
  // A megabyte of one letter deflates to about a kilobyte; the
  // server's limit is on what it inflates to.
  ws.send('a'.repeat(1024 * 1024));
  const closed = (await next()) as CloseEvent;
  io.log(`1 MiB of "a": closed with ${closed.code}`);
}
// #endregion run

/** Messages that compress well, badly, or not at all. */
function samples(): [string, string | Uint8Array<ArrayBuffer>][] {
  const row = { id: 1, user: 'ada', status: 'active', score: 0.5 };
  const json = JSON.stringify(Array(64).fill(row));
  return [
    ['small text', 'hello, wire'],
    ['repetitive JSON', json],
    // Still in the window: deflate refers back to the last one.
    ['the same JSON again', json],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096))],
  ];
}

/**
 * Resolves, one call at a time, with the open event, then each
 * message's data, then the close event; rejects on Stop.
 */
function inbox(ws: WebSocket, signal: AbortSignal) {
  const queue: unknown[] = [];
  let wake = () => {};
  const push = (item: unknown) => {
    queue.push(item);
    wake();
  };
  ws.onopen = (event) => push(event);
  ws.onmessage = (event) => push(event.data);
  ws.onclose = (event) => push(event);
  signal.addEventListener('abort', () => ws.close(CloseCode.NORMAL, 'stopped'));
  return async (): Promise<unknown> => {
    while (queue.length === 0) {
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        wake = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
    return queue.shift();
  };
}
