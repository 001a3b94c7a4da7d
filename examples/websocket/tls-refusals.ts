// What a client that verifies refuses, and why: a certificate nobody
// it trusts has signed, a certificate for another name, and one that
// has expired. Then the connection it accepts: the playground's own
// certificate given as the one authority to trust, the way Go's
// tls.Config{RootCAs} or curl --cacert do. node:tls verifies by
// default (rejectUnauthorized), against Node's bundled CA list.

import type { AddressInfo } from 'node:net';
import { type ConnectionOptions, createServer } from 'node:tls';
import type { DemoIO } from '../demo-io.ts';
import { makeSelfSigned } from './self-signed.ts';
import { handshake } from './tls-handshake.ts';
import { findTlsPort } from './tls-port.ts';

const DAY_MS = 86_400_000;

// #region run
/** Three refused handshakes, then one that verifies. */
export async function run(io: DemoIO): Promise<void> {
  const { host, port, certificate } = await findTlsPort(io);
  const expired = await expiredServer();
  const attempts: [string, ConnectionOptions][] = [
    // Signed by itself: no authority this client knows vouches for it.
    ['the usual CAs', { host, port, servername: 'localhost' }],
    // Trusted, but issued to localhost, 127.0.0.1 and ::1 only.
    [
      'it, dialled as example.org',
      { host, port, servername: 'example.org', ca: certificate },
    ],
    // Trusted and named, but past its notAfter date.
    ['an expired one', expired.options],
  ];
  try {
    for (const [trusting, options] of attempts) {
      const refusal = await handshake(io, options).then(
        (socket) => void socket.destroy(),
        (error: NodeJS.ErrnoException) => error.code,
      );
      io.log(`trusting ${trusting}: ${refusal ?? 'accepted'}`);
    }
  } finally {
    expired.server.close();
  }
  // The one authority this client trusts is the playground's own
  // certificate, fetched beforehand; now the name and dates must fit.
  const socket = await handshake(io, {
    host,
    port,
    servername: 'localhost',
    ca: certificate,
  });
  io.log(
    `trusting the playground's certificate: authorized ${socket.authorized}`,
  );
  // Inside, it is plain HTTP/1.1: HTTPS is HTTP over this socket.
  socket.end(
    'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  );
  let answer = '';
  for await (const chunk of socket) answer += chunk;
  io.received(answer.split('\r\n')[0] ?? '');
}
// #endregion run

/** A TLS server of its own, on a free port, with an expired certificate. */
async function expiredServer() {
  const expired = await makeSelfSigned(undefined, {
    notBefore: new Date(Date.now() - 30 * DAY_MS),
    days: 1,
  });
  const server = createServer({ cert: expired.cert, key: expired.key }, (s) =>
    s.end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const options = {
    host: '127.0.0.1',
    port,
    servername: 'localhost',
    ca: expired.cert,
  };
  return { server, options };
}
