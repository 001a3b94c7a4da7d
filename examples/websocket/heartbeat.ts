// A heartbeat: ping every peer regularly, and cut off the ones that
// stopped answering.
//
// TCP says nothing when a peer vanishes without closing: a laptop
// lid shut, a phone that left the Wi-Fi, a NAT that forgot the
// connection. The socket looks open for hours and its memory stays
// held. RFC 6455 gives WebSocket two control frames for this, ping
// (opcode 0x9) and pong (0xA). A peer must answer every ping with a
// pong; browsers and ws do so by themselves, without the application
// seeing either frame.
//
// So every `intervalMs` the server pings each peer. A peer that has
// not answered the previous ping by then is dead, and is terminated:
// its TCP socket destroyed at once, since a close handshake needs an
// answer it will not give. Its other side, if it is still there,
// sees close code 1006 (abnormal closure, no close frame).

/** What is pinged: ws's WebSocket, or raw-server.ts's connection. */
interface Peer {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

/** Whose clients are: ws's WebSocketServer, or raw-server.ts's. */
interface PeerServer {
  clients: Iterable<Peer>;
  on(event: 'connection', listener: (peer: Peer) => void): unknown;
  off(event: 'connection', listener: (peer: Peer) => void): unknown;
}

// #region heartbeat
/** Pings every client of `wss`; returns a function that stops it. */
export function startHeartbeat(
  wss: PeerServer,
  intervalMs: number,
): () => void {
  const alive = new WeakMap<Peer, boolean>();
  const onConnection = (ws: Peer) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
  };
  wss.on('connection', onConnection);

  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      // Not alive again until its pong for this ping comes back.
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);

  return () => {
    clearInterval(timer);
    wss.off('connection', onConnection);
  };
}
// #endregion heartbeat
