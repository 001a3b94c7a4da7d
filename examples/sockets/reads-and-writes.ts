// One write is not one read: TCP's byte stream, seen up close.
//
// A writer and a reader share one loopback connection in this
// process. The reader reads into a 16-byte buffer, as Go's
// conn.Read(buf) does with buf := make([]byte, 16). First one write
// arrives as several reads; then several writes arrive as one read.
// A line decoder (framing.ts) finds the same messages either way.

import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import type { DemoIO } from '../demo-io.ts';
import { LineDecoder } from './framing.ts';

/** A moment for loopback to deliver what was written. */
const SETTLE_MS = 100;

// #region run
/** Shows reads that split a write, and one read that joins three. */
export async function run(io: DemoIO): Promise<void> {
  const { signal } = io;
  const server = createServer();
  server.listen({ port: 0, host: '127.0.0.1', signal });
  await once(server, 'listening', { signal });
  const { port } = server.address() as AddressInfo;
  const accepted = once(server, 'connection', { signal });

  // #region reader
  const lines = new LineDecoder();
  let total = 0;
  let wanted = { total: 0, arrived: () => {} };
  // onread reads into a buffer of our choosing: each callback is
  // one read of at most 16 bytes, like Go's Read.
  const reader = connect({
    host: '127.0.0.1',
    port,
    signal,
    onread: {
      buffer: new Uint8Array(16),
      callback(size: number, buffer: Uint8Array) {
        const bytes = buffer.subarray(0, size);
        io.log(`read ${size} bytes: ${show(bytes)}`);
        for (const line of lines.push(bytes)) {
          io.log(`the decoder has a message: ${show(line)}`);
        }
        total += size;
        if (total >= wanted.total) wanted.arrived();
        return true;
      },
    },
  });
  reader.on('error', () => {});
  // #endregion reader
  const [writer] = (await accepted) as [Socket];
  writer.on('error', () => {});
  // Send each write at once, instead of holding it back (Nagle's
  // algorithm) to join the next one.
  writer.setNoDelay(true);

  // #region writes
  let written = 0;
  const write = (text: string) => {
    // Stop ends the demo here, and not only its sockets.
    signal.throwIfAborted();
    io.log(`write ${text.length} bytes: ${JSON.stringify(text)}`);
    writer.write(text);
    written += text.length;
  };
  /** Resolves once the reader has read all that was written. */
  const allRead = () =>
    new Promise<void>((arrived) => {
      wanted = { total: written, arrived };
      if (total >= written) arrived();
    });

  // One write of 40 bytes; the reader's buffer holds 16.
  write('forty bytes, one write, three reads ...\n');
  await allRead();

  // Three writes while the reader is paused: they wait in the
  // kernel's receive buffer, and one read takes them all.
  reader.pause();
  for (const part of ['one\n', 'two\n', 'three\n']) write(part);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  reader.resume();
  await allRead();
  // #endregion writes

  reader.destroy();
  writer.destroy();
  server.close();
}
// #endregion run

/** Bytes as a quoted string, with "\n" visible. */
function show(bytes: Uint8Array): string {
  return JSON.stringify(new TextDecoder().decode(bytes));
}
