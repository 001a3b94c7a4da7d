// A WebSocket client at the byte level, for testing how a server
// answers frames no well-behaved client library would ever send.

import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A handshaken TCP socket and what the server sends on it. */
export interface RawConnection {
  socket: Socket;
  /** The server's handshake response: status line and headers. */
  response: string;
  /** Every byte received after the handshake so far. */
  received(): Buffer;
  /**
   * The server's close frame: resolves when one arrives (answered with
   * a close frame, as a client must) or undefined if the TCP
   * connection ends without one.
   */
  close: Promise<{ code: number; reason: string } | undefined>;
}

/** Connects to `url` (ws://host:port/path) and completes the handshake. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawConnection> {
  const { hostname, port, pathname, search } = new URL(url);
  const socket = connect(Number(port), hostname);
  const request =
    `GET ${pathname}${search} HTTP/1.1\r\n` +
    `Host: ${hostname}:${port}\r\n` +
    'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
    'Sec-WebSocket-Version: 13\r\n' +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let handshaken = false;
    let settleClose!: (close: { code: number; reason: string } | undefined) => void;
    const close = new Promise<{ code: number; reason: string } | undefined>(
      (done) => (settleClose = done),
    );
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!handshaken) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        handshaken = true;
        const response = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        resolve({ socket, response, received: () => buffer, close });
      }
      const frame = closeOf(buffer);
      if (frame) {
        const payload = Buffer.alloc(2);
        payload.writeUInt16BE(frame.code === 1005 ? 1000 : frame.code);
        if (!socket.destroyed) socket.end(clientFrame(0x8, payload));
        settleClose(frame);
      }
    });
    socket.on('close', () => {
      if (!handshaken) {
        reject(new Error(`closed before the handshake ended: ${buffer.toString('latin1')}`));
      }
      settleClose(undefined);
    });
    socket.write(request);
  });
}

/** A frame as a client must send it: masked (unless told otherwise). */
export function clientFrame(
  opcode: number,
  payload: Buffer | string,
  { fin = true, mask = true, rsv = 0 } = {},
) {
  const data = Buffer.from(payload);
  const length = data.length;
  const header = [((fin ? 0x80 : 0) | (rsv << 4) | opcode) & 0xff];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65_536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    header.push(maskBit | 127, 0, 0, 0, 0);
    header.push((length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
  }
  if (!mask) return Buffer.concat([Buffer.from(header), data]);
  const key = randomBytes(4);
  const masked = data.map((byte, i) => byte ^ key[i % 4]!);
  return Buffer.concat([Buffer.from(header), key, masked]);
}

/** A frame as a server sends it: opcode, payload, and FIN. */
export interface ServerFrame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Splits unmasked server bytes into frames. */
export function serverFrames(bytes: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const fin = (bytes[at]! & 0x80) !== 0;
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    at += 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at));
      at += 8;
    }
    frames.push({ fin, opcode, payload: bytes.subarray(at, at + length) });
    at += length;
  }
  return frames;
}

/** The code and reason of the close frame among `bytes`, if any. */
export function closeOf(bytes: Buffer) {
  const close = serverFrames(bytes).find((frame) => frame.opcode === 0x8);
  if (!close) return undefined;
  return {
    code: close.payload.length >= 2 ? close.payload.readUInt16BE(0) : 1005,
    reason: close.payload.subarray(2).toString('utf8'),
  };
}
