// What a TLS handshake settles, seen from a client with node:tls (Go's
// crypto/tls). It connects to the playground's TLS port the way a
// browser would open wss://localhost/, finishes the handshake, and
// prints what the two ends agreed on and the certificate the server
// showed. Browsers do not let a page see any of this, so on the page
// this demo runs in the playground.

import { type ConnectionOptions, connect, type TLSSocket } from 'node:tls';
import type { DemoIO } from '../demo-io.ts';
import { findTlsPort } from './tls-port.ts';

// #region run
/** One handshake with the TLS port, and what it settled. */
export async function run(io: DemoIO): Promise<void> {
  const { host, port } = await findTlsPort(io);
  const socket = await handshake(io, {
    host,
    port,
    // SNI: the name the client dials, sent in the clear so that one
    // address can serve many names. An IP address is never sent.
    servername: 'localhost',
    // ALPN: what this client can speak inside; the server picks one.
    ALPNProtocols: ['http/1.1'],
    // Look first, judge after: verify nothing on this connection.
    rejectUnauthorized: false,
  });
  const cipher = socket.getCipher();
  io.log(`protocol: ${socket.getProtocol()}`);
  io.log(`cipher: ${cipher.standardName}`);
  io.log(`ALPN: ${socket.alpnProtocol}; SNI sent: localhost`);
  const cert = socket.getPeerX509Certificate();
  io.log(`subject: ${cert?.subject}; issuer: ${cert?.issuer}`);
  io.log(`names: ${cert?.subjectAltName}`);
  io.log(`valid: ${cert?.validFrom} to ${cert?.validTo}`);
  io.log(`SHA-256: ${cert?.fingerprint256}`);
  // What a client that verifies would have said about it.
  io.log(`trusted: ${socket.authorized} (${socket.authorizationError})`);
  socket.end();
}
// #endregion run

/** Connects and resolves once the handshake is done, or rejects. */
export function handshake(io: DemoIO, options: ConnectionOptions) {
  return new Promise<TLSSocket>((resolve, reject) => {
    const socket = connect(options);
    // Stop, or the time limit, ends the connection where it is.
    const stop = () => socket.destroy(io.signal.reason);
    io.signal.addEventListener('abort', stop, { once: true });
    socket.once('close', () => io.signal.removeEventListener('abort', stop));
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', reject);
  });
}
