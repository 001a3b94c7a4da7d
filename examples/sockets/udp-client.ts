// A UDP client: datagrams to the playground's UDP echo server.
//
// There is no connection and no stream. Each send is one datagram,
// and each datagram arrives whole or not at all, so its edges are
// the message's edges: no framing needed, unlike TCP. What UDP does
// not promise is arrival or order, so a client waits a bounded time
// for each answer. Go's version is examples/go/udp-client.go.

import { createSocket } from 'node:dgram';
import { on, once } from 'node:events';
import { isIPv6 } from 'node:net';
import type { DemoIO } from '../demo-io.ts';
import { findEchoServers } from './echo-servers.ts';

/** How long to wait for the echoes before calling them lost. */
const WAIT_MS = 2_000;

// #region run
/** Three datagrams out, three back: two echoes and one refusal. */
export async function run(io: DemoIO): Promise<void> {
  const { host, udp } = await findEchoServers(io);
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  // An 'error' event with no listener would end the process.
  socket.on('error', () => {});
  try {
    // connect() is Go's DialUDP: no handshake, no packet sent. It
    // only fixes where send goes and whose datagrams we accept.
    socket.connect(udp.port, host);
    await once(socket, 'connect', { signal: io.signal });
    const { address, port } = socket.remoteAddress();
    io.log(`datagrams go to ${address}:${port}`);

    // Listen before sending, so no answer can slip past.
    const deadline = AbortSignal.timeout(WAIT_MS);
    const signal = AbortSignal.any([io.signal, deadline]);
    const answers = on(socket, 'message', { signal });

    // Two sends, two datagrams: they never merge into one.
    for (const text of ['hello, udp', 'each datagram arrives whole']) {
      socket.send(text);
      io.sent(text);
    }
    // One byte over the server's limit gets a refusal instead.
    const over = udp.maxDatagramBytes + 1;
    socket.send(new Uint8Array(over));
    io.log(`sent ${over} bytes, one over the limit`);

    let count = 0;
    try {
      for await (const [answer] of answers) {
        io.received(String(answer));
        if (++count === 3) break;
      }
    } catch (error) {
      if (!deadline.aborted) throw error;
      io.log(`${3 - count} of 3 answers lost: UDP does not resend`);
    }
  } finally {
    socket.close();
  }
}
// #endregion run
