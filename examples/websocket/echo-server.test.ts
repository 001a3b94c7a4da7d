// The wire-level checks every echo endpoint must pass: /ws/echo (ws)
// and /ws/raw-echo (written from scratch in raw-server.ts) get the
// same bytes and must answer alike: the same echoes, the same close
// codes (the reasons may differ: ws sends none).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { clientFrame, openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import { MAX_MESSAGE_BYTES } from './echo-server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe.each(['/ws/echo', '/ws/raw-echo'])('%s', (path) => {
  const echoUrl = () => `${server.url.replace('http', 'ws')}${path}`;

  /** Sends each message on one connection; resolves with the echoes. */
  function echoes(messages: (string | Buffer)[]) {
    const ws = new WebSocket(echoUrl());
    const replies: { data: Buffer; isBinary: boolean }[] = [];
    return new Promise<typeof replies>((resolve, reject) => {
      ws.on('open', () => {
        for (const m of messages) ws.send(m);
      });
      ws.on('message', (data, isBinary) => {
        replies.push({ data: data as Buffer, isBinary });
        if (replies.length === messages.length) ws.close();
      });
      ws.on('close', () => resolve(replies));
      ws.on('error', reject);
    });
  }

  test('text comes back as text and binary as binary, in order', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x80, 0x7f]);
    const replies = await echoes(['hello, wire', bytes, '']);
    expect(replies).toEqual([
      { data: Buffer.from('hello, wire'), isBinary: false },
      { data: bytes, isBinary: true },
      { data: Buffer.alloc(0), isBinary: false },
    ]);
  });

  test("Node's own WebSocket gets the same echoes", async () => {
    const ws = new globalThis.WebSocket(echoUrl());
    ws.binaryType = 'arraybuffer';
    const replies: unknown[] = [];
    await new Promise<void>((resolve) => {
      ws.onopen = () => {
        ws.send('héllo ✓');
        ws.send(new Uint8Array([1, 2, 3]));
      };
      ws.onmessage = (event) => {
        replies.push(event.data);
        if (replies.length === 2) ws.close(4000, 'bye');
      };
      ws.onclose = (event) => {
        replies.push([event.code, event.reason]);
        resolve();
      };
    });
    expect(replies).toEqual(['héllo ✓', new Uint8Array([1, 2, 3]).buffer, [4000, 'bye']]);
  });

  test('a message of exactly 64 KiB is echoed whole', async () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES, 0xab);
    const [reply] = await echoes([big]);
    expect(reply?.data.equals(big)).toBe(true);
  });

  test('one byte over 64 KiB is refused with close 1009', async () => {
    const raw = await openRaw(echoUrl());
    raw.socket.write(clientFrame(0x2, Buffer.alloc(MAX_MESSAGE_BYTES + 1)));
    expect(await raw.close).toMatchObject({ code: 1009 });
  });

  test('fragments adding up to over 64 KiB are refused with 1009', async () => {
    const raw = await openRaw(echoUrl());
    const half = Buffer.alloc(MAX_MESSAGE_BYTES / 2 + 1);
    raw.socket.write(
      Buffer.concat([clientFrame(0x2, half, { fin: false }), clientFrame(0x0, half)]),
    );
    expect(await raw.close).toMatchObject({ code: 1009 });
  });

  // #region unmasked
  test('an unmasked frame from a client is closed with 1002', async () => {
    const raw = await openRaw(echoUrl());
    // 0x81: FIN and opcode 1 (text). 0x05: mask bit clear, length 5.
    // Then "Hello". RFC 6455 requires every client frame to be masked.
    raw.socket.write(Buffer.from('810548656c6c6f', 'hex'));
    expect(await raw.close).toMatchObject({ code: 1002 });
  });
  // #endregion unmasked

  describe('protocol violations get their RFC 6455 close code', () => {
    const violations = [
      ['a reserved opcode (0x3)', clientFrame(0x3, 'x'), 1002],
      ['a reserved bit without an extension', clientFrame(0x1, 'x', { rsv: 0b100 }), 1002],
      ['a ping of 126 bytes', clientFrame(0x9, Buffer.alloc(126)), 1002],
      ['a fragmented ping', clientFrame(0x9, 'x', { fin: false }), 1002],
      ['a continuation with nothing to continue', clientFrame(0x0, 'x'), 1002],
      [
        'a new message inside a fragmented one',
        Buffer.concat([clientFrame(0x1, 'a', { fin: false }), clientFrame(0x1, 'b')]),
        1002,
      ],
      ['text that is not UTF-8', clientFrame(0x1, Buffer.from([0xc3, 0x28])), 1007],
      [
        'UTF-8 broken across fragments',
        Buffer.concat([
          clientFrame(0x1, Buffer.from([0xe2, 0x82]), { fin: false }),
          clientFrame(0x0, Buffer.from([0x28])),
        ]),
        1007,
      ],
      ['a close with code 999', clientFrame(0x8, Buffer.from([0x03, 0xe7])), 1002],
      ['a close with one byte of payload', clientFrame(0x8, Buffer.from([0x03])), 1002],
    ] as const;

    test.each(violations)('$0 → $2, and others are still served', async (_, frame, code) => {
      const bystander = new WebSocket(echoUrl());
      await new Promise((resolve) => bystander.once('open', resolve));
      const raw = await openRaw(echoUrl());
      raw.socket.write(frame);
      expect(await raw.close).toMatchObject({ code });
      const echoed = new Promise<string>((resolve) => {
        bystander.once('message', (data) => resolve(String(data)));
      });
      bystander.send('still here');
      expect(await echoed).toBe('still here');
      bystander.close();
    });
  });

  test('a fragmented message is reassembled before it is echoed', async () => {
    const raw = await openRaw(echoUrl());
    raw.socket.write(
      Buffer.concat([
        clientFrame(0x1, 'frag', { fin: false }),
        clientFrame(0x9, 'ping in between'),
        clientFrame(0x0, 'mented'),
      ]),
    );
    await expect.poll(() => raw.received().toString('latin1')).toContain('fragmented');
    const bytes = raw.received();
    // A pong (0x8a) answers the ping; the echo is one whole text frame.
    expect(bytes.subarray(0, 2).toString('hex')).toBe('8a0f');
    expect(bytes.subarray(17).toString('hex')).toBe(
      `810a${Buffer.from('fragmented').toString('hex')}`,
    );
    raw.socket.destroy();
  });

  test('frames cut into single bytes are read all the same', async () => {
    const raw = await openRaw(echoUrl());
    const wire = Buffer.concat([clientFrame(0x1, 'one'), clientFrame(0x2, 'two')]);
    for (const byte of wire) raw.socket.write(Buffer.of(byte));
    await expect.poll(() => serverFrames(raw.received()).length).toBe(2);
    expect(serverFrames(raw.received())).toEqual([
      { fin: true, opcode: 0x1, payload: Buffer.from('one') },
      { fin: true, opcode: 0x2, payload: Buffer.from('two') },
    ]);
    raw.socket.destroy();
  });

  test('a close is echoed with its code and reason, then TCP ends', async () => {
    const raw = await openRaw(echoUrl());
    const payload = Buffer.concat([Buffer.from([0x0f, 0xa0]), Buffer.from('bye')]);
    raw.socket.write(clientFrame(0x8, payload));
    expect(await raw.close).toEqual({ code: 4000, reason: 'bye' });
    await new Promise((resolve) => raw.socket.once('close', resolve));
    expect(serverFrames(raw.received())).toEqual([{ fin: true, opcode: 0x8, payload }]);
  });

  test('a close without a code is answered without one', async () => {
    const raw = await openRaw(echoUrl());
    raw.socket.write(clientFrame(0x8, ''));
    expect(await raw.close).toEqual({ code: 1005, reason: '' });
    expect(raw.received().toString('hex')).toBe('8800');
  });
});

// #region subprotocol
test('ws, given no handleProtocols, accepts the first subprotocol offered', async () => {
  const url = `${server.url.replace('http', 'ws')}/ws/echo`;
  const ws = new globalThis.WebSocket(url, ['v2.chat', 'v1.chat']);
  await new Promise((resolve) => (ws.onopen = resolve));
  expect(ws.protocol).toBe('v2.chat');
  ws.close();
});
// #endregion subprotocol
