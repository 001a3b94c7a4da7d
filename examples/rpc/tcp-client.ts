// A JsonRpcClient over TCP, for Node (a browser cannot open TCP).
// Lines out, lines in: the same framing as the server's.

import { connect } from 'node:net';
import { type CallOptions, JsonRpcClient } from './client.ts';
import type { Tap } from './client-transports.ts';
import type { Dialect } from './dialect.ts';
import { LineFramer, toLine } from './line-framing.ts';

/** The longest reply line the client will hold. */
const MAX_REPLY_BYTES = 1024 * 1024;

// #region connect
/** Connects to host:port and returns a client that uses the socket. */
export async function overTcp(
  host: string,
  port: number,
  options: CallOptions & { dialect?: Dialect; tap?: Tap } = {},
) {
  const { tap } = options;
  const socket = connect(port, host);
  socket.setNoDelay(true);
  options.signal?.addEventListener('abort', () => socket.destroy());
  const client = new JsonRpcClient((message) => {
    const line = JSON.stringify(message);
    tap?.sent(line);
    socket.write(toLine(line));
    return undefined;
  }, options);
  const framer = new LineFramer(MAX_REPLY_BYTES);
  const text = new TextDecoder();
  let why = 'connection closed';
  socket.on('data', (chunk) => {
    try {
      for (const line of framer.push(chunk)) {
        const reply = text.decode(line);
        tap?.received(reply);
        client.receive(JSON.parse(reply));
      }
    } catch (error) {
      // A server that breaks the framing cannot be understood again.
      why = `unreadable reply: ${(error as Error).message}`;
      socket.destroy();
    }
  });
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      client.close(new Error(why));
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  return {
    client,
    /** Ends the connection; resolves once it is closed. */
    close() {
      socket.end();
      return closed;
    },
  };
}
// #endregion connect
