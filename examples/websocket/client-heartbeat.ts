// A heartbeat from the client's side: noticing that a connection is
// dead when nothing says so.
//
// A half-open connection is one whose other end is gone (a server
// that crashed without its kernel saying so, a NAT that forgot the
// mapping, a cable pulled) while this end still believes in it. No
// FIN or RST ever arrives, so no close event fires: the page waits,
// readyState stays OPEN, and messages sent vanish into a buffer.
//
// The server's heartbeat (heartbeat.ts) finds such peers with ping
// frames (RFC 6455 §5.5.2), but a page cannot send one: the browser's
// WebSocket has no ping() and hides pongs. So the client does it with
// ordinary messages: after `quietMs` without hearing anything it sends
// {"type":"ping"}, which the server answers with {"type":"pong"}; if
// still nothing has arrived `timeoutMs` later, the connection is
// declared dead. Any message counts as a sign of life, so a busy
// connection never sends a ping at all.

/** The part of a WebSocket the watch needs. */
interface Watched {
  send(data: string): void;
  addEventListener(type: 'message', listener: () => void): void;
  removeEventListener(type: 'message', listener: () => void): void;
}

/** How long silence may last, in milliseconds. */
export interface HeartbeatOptions {
  /** Silence after which the client pings. */
  quietMs: number;
  /** Silence after the ping after which the connection is dead. */
  timeoutMs: number;
}

export const PING = JSON.stringify({ type: 'ping' });

// #region watch
/** Calls `dead` once `ws` has been silent too long; returns stop. */
export function watchSilence(
  ws: Watched,
  { quietMs, timeoutMs }: HeartbeatOptions,
  dead: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const quiet = () => {
    ws.send(PING);
    timer = setTimeout(() => {
      stop();
      dead();
    }, timeoutMs);
  };
  // Every message, a pong or anything else, starts the wait again.
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(quiet, quietMs);
  };
  const stop = () => {
    clearTimeout(timer);
    ws.removeEventListener('message', heard);
  };
  ws.addEventListener('message', heard);
  heard();
  return stop;
}
// #endregion watch
