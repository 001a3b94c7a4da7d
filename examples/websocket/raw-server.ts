// A WebSocket echo server from scratch: no library between the
// socket and the protocol. node:http parses the upgrade request and
// hands over the raw TCP socket; from there this file does the
// handshake (handshake.ts) and reads and writes frames (frame.ts).
//
// It answers exactly as /ws/echo (ws) does, which the tests check
// byte for byte with the same cases against both endpoints.

import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { encodeFrame, type Frame, FrameDecoder, OPCODES } from './frame.ts';
import {
  acceptResponse,
  checkUpgrade,
  HandshakeError,
  refusal,
} from './handshake.ts';
import { encodeClose, MessageReader, type WsEvent } from './message.ts';
import { ProtocolError } from './protocol-error.ts';

/** Limits of one connection. */
export interface RawServerOptions {
  /** The largest message; a larger one is closed with 1009. */
  maxMessageBytes: number;
  /** How long a peer has to end the TCP connection after closing. */
  closeTimeoutMs?: number;
}

// #region upgrade
/** Echoes on every socket it is given, like ws's `noServer` mode. */
export class RawEchoServer extends EventEmitter<{
  connection: [RawConnection, IncomingMessage];
}> {
  readonly clients = new Set<RawConnection>();
  readonly #options: RawServerOptions;

  constructor(options: RawServerOptions) {
    super();
    this.#options = options;
  }

  /** Takes over the socket of node:http's 'upgrade' event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    // A reset can come at any moment; unheard, it ends the process.
    socket.on('error', () => socket.destroy());
    let key: string;
    try {
      key = checkUpgrade(req);
    } catch (error) {
      if (!(error instanceof HandshakeError)) throw error;
      socket.end(refusal(error));
      return undefined;
    }
    socket.write(acceptResponse(key));
    // From here on, the socket carries frames. `head` holds any
    // bytes the client sent right behind its request.
    const connection = new RawConnection(socket, head, this.#options);
    this.clients.add(connection);
    connection.once('close', () => this.clients.delete(connection));
    // As ws does, so that whoever watches the server sees it first.
    this.emit('connection', connection, req);
    return connection;
  }
  // #endregion upgrade

  /** Takes no more connections (open ones close on their own). */
  close(done?: () => void) {
    done?.();
  }
}

const utf8 = new TextEncoder();

/** Which way a frame went, as the server sees it. */
export type Direction = 'read' | 'wrote';

/** One echoing WebSocket; emits each frame it reads and writes. */
export class RawConnection extends EventEmitter<{
  frame: [Direction, Frame];
  pong: [];
  close: [];
}> {
  readonly #socket: Duplex;
  readonly #decoder: FrameDecoder;
  readonly #reader: MessageReader;
  readonly #closeTimeoutMs: number;
  #closeSent = false;
  #reading = true;
  #timer: NodeJS.Timeout | undefined;

  constructor(socket: Duplex, head: Buffer, options: RawServerOptions) {
    super();
    const max = options.maxMessageBytes;
    this.#socket = socket;
    this.#decoder = new FrameDecoder({ masked: true, maxPayload: max });
    this.#reader = new MessageReader(max);
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('end', () => this.#finish());
    socket.once('close', () => {
      clearTimeout(this.#timer);
      this.emit('close');
    });
    if (head.length > 0) this.#receive(head);
  }

  // #region receive
  #receive(chunk: Buffer) {
    if (!this.#reading) return;
    try {
      this.#decoder.push(chunk, (frame) => {
        if (!this.#reading) return;
        this.emit('frame', 'read', frame);
        this.#answer(this.#reader.read(frame));
      });
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      // The stream can no longer be trusted: say why and hang up.
      const { closeCode, message } = error;
      this.#send(OPCODES.close, encodeClose(closeCode, message));
      this.#finish();
    }
  }

  #answer(event: WsEvent | undefined) {
    switch (event?.type) {
      case 'text':
        return this.#send(OPCODES.text, utf8.encode(event.data));
      case 'binary':
        return this.#send(OPCODES.binary, event.data);
      // A pong carries the ping's payload back (§5.5.3).
      case 'ping':
        return this.#send(OPCODES.pong, event.data);
      // The answer to one of our pings (or one unasked, which §5.5.3
      // allows as a one-way heartbeat).
      case 'pong':
        return this.emit('pong');
      case 'close': {
        // Echo the peer's code (an answer to ours changes nothing),
        // then end: after a close frame nothing more may be sent.
        const { code, reason } = event;
        this.#send(OPCODES.close, encodeClose(code, reason));
        return this.#finish();
      }
    }
  }
  // #endregion receive

  // #region send
  #send(opcode: number, payload: Uint8Array) {
    if (this.#closeSent) return;
    this.#closeSent = opcode === OPCODES.close;
    const frame: Frame = { fin: true, rsv: 0, opcode, payload };
    this.emit('frame', 'wrote', frame);
    // A peer that sends faster than it reads would fill our memory
    // with echoes: stop reading from it until its side drains.
    const flushed = this.#socket.write(encodeFrame(frame));
    if (!flushed && !this.#socket.isPaused()) {
      this.#socket.pause();
      this.#socket.once('drain', () => this.#socket.resume());
    }
  }

  /** Sends a ping, which the peer must answer with a pong (§5.5.2). */
  ping(data: Uint8Array = new Uint8Array(0)) {
    this.#send(OPCODES.ping, data);
  }

  /** Starts the closing handshake, e.g. with 1001 on shutdown. */
  close(code = 1000, reason = '') {
    this.#send(OPCODES.close, encodeClose(code, reason));
    this.#timer ??= setTimeout(() => this.terminate(), this.#closeTimeoutMs);
  }

  /** Drops the TCP connection without a word. */
  terminate() {
    this.#socket.destroy();
  }

  // The server ends TCP first (§7.1.1), and waits a while for the
  // client to do the same before it gives up on it.
  #finish() {
    this.#reading = false;
    this.#socket.end();
    this.#timer ??= setTimeout(() => this.terminate(), this.#closeTimeoutMs);
  }
  // #endregion send
}
