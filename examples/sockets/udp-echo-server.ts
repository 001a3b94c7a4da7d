// A UDP echo server: the notes' "like TCP, without Accept".
//
// There are no connections to accept. One socket, bound to a port,
// receives datagrams from anyone, and each arrives whole, with the
// address it came from. Echoing is sending the same bytes back to
// that address. Go's version is examples/go/udp-server.go.

import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { refusals } from './echo-errors.ts';

/** Where to listen, and the largest datagram echoed. */
export interface UdpEchoOptions {
  host: string;
  port: number;
  maxDatagramBytes: number;
}

/** What the server has done so far. */
export interface UdpEchoCounts {
  echoed: number;
  tooLarge: number;
}

/** A bound echo socket. */
export interface UdpEchoServer {
  port: number;
  counts: UdpEchoCounts;
  close(): Promise<void>;
}

// #region listen
/** Go's ListenUDP: bind a socket, then answer every datagram. */
export async function listenUdpEcho(
  options: UdpEchoOptions,
): Promise<UdpEchoServer> {
  // One socket speaks one family: udp4 or udp6.
  const type = isIPv6(options.host) ? 'udp6' : 'udp4';
  const socket = createSocket({ type });
  const counts: UdpEchoCounts = { echoed: 0, tooLarge: 0 };
  // A failed send (say, ICMP "port unreachable" from a peer that
  // has gone) surfaces here; it must not end the server.
  socket.on('error', () => {});
  socket.on('message', (datagram, peer) => {
    echo(socket, datagram, peer, options.maxDatagramBytes, counts);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port, options.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    port: socket.address().port,
    counts,
    close: () => new Promise((resolve) => socket.close(resolve)),
  };
}
// #endregion listen

// #region echo
/** Go's ReadFromUDP and WriteToUDP: the same bytes, back to sender. */
function echo(
  socket: Socket,
  datagram: Buffer,
  peer: { address: string; port: number },
  max: number,
  counts: UdpEchoCounts,
) {
  if (datagram.length > max) {
    // Refused with one datagram that says why. With a limit well
    // over this reply's ~90 bytes, the reply is always smaller than
    // what it answers, so no one can use it to amplify traffic
    // toward a forged sender address.
    counts.tooLarge++;
    const why = refusals.datagramTooLarge(datagram.length, max);
    socket.send(why.text, peer.port, peer.address);
    return;
  }
  counts.echoed++;
  socket.send(datagram, peer.port, peer.address);
}
// #endregion echo
