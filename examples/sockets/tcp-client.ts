// A TCP client: the notes' DialTCP, Write and Read, in Node.
//
// It connects to the playground's TCP echo server, writes two lines,
// half-closes its side, and reads the echoes until the server closes
// its side too. Browsers cannot open TCP sockets, so on the page this
// demo runs in the playground, which streams its lines to the cell.
// Go's version is examples/go/tcp-client.go.

import { connect } from 'node:net';
import type { DemoIO } from '../demo-io.ts';
import { findEchoServers } from './echo-servers.ts';
import { LineDecoder } from './framing.ts';

// #region run
/** Two lines to the TCP echo server, a half-close, two lines back. */
export async function run(io: DemoIO): Promise<void> {
  const { host, tcp } = await findEchoServers(io);
  // net.connect is Go's DialTCP. The signal destroys the socket on
  // Stop, the way Go would Close the conn.
  const socket = connect({ host, port: tcp.port, signal: io.signal });
  const lines = new LineDecoder();
  const text = new TextDecoder();

  await new Promise<void>((resolve, reject) => {
    // An 'error' event with no listener would end the process.
    socket.on('error', reject);
    socket.on('connect', () => {
      const { localAddress, localPort } = socket;
      const { remoteAddress, remotePort } = socket;
      io.log(`connected from ${localAddress}:${localPort}`);
      io.log(`to ${remoteAddress}:${remotePort}`);
      // write is Go's Write: bytes out, in order, unframed, so
      // each message ends in "\n" for the server to find its end.
      for (const message of ['hello, tcp', 'bytes in, bytes out']) {
        socket.write(`${message}\n`);
        io.sent(message);
      }
      // end() sends FIN: Go's CloseWrite. Reading goes on.
      socket.end();
      io.log('half-closed: sent FIN, still reading');
    });
    // Each 'data' event is one Read. A line may span two reads,
    // or two lines share one, so a decoder finds the lines.
    socket.on('data', (chunk) => {
      for (const line of lines.push(chunk)) {
        io.received(text.decode(line));
      }
    });
    // 'end' is Go's io.EOF: the server closed its side as well.
    socket.on('end', () => io.log('EOF: the server closed its side'));
    socket.on('close', () => resolve());
  });
}
// #endregion run
