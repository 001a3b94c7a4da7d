import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { clientFrame, openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import { run } from './stream-client.ts';

let server: RunningServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  url = `${server.url.replace('http', 'ws')}/ws/stream-echo`;
});
afterAll(() => server.close());

/** The echoes of `messages`, sent in order on one connection. */
function echoes(target: string, messages: (string | Buffer)[]) {
  const ws = new WebSocket(target);
  const got: { data: string; isBinary: boolean }[] = [];
  return new Promise<typeof got>((resolve, reject) => {
    ws.on('open', () => {
      for (const m of messages) ws.send(m);
    });
    ws.on('message', (data, isBinary) => {
      got.push({ data: (data as Buffer).toString('hex'), isBinary });
      if (got.length === messages.length) ws.close();
    });
    ws.on('close', () => resolve(got));
    ws.on('error', reject);
  });
}

test('the demo: text goes in, binary comes out, because a stream is bytes', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    'sent hello, stream',
    'sent 2 bytes: ca fe',
    `received 13 bytes: ${Buffer.from('hello, stream')
      .toString('hex')
      .replace(/(..)(?!$)/g, '$1 ')}`,
    'received 2 bytes: ca fe',
    'info message 1 went as text, came back as binary',
    'info message 2 went as binary, came back as binary',
  ]);
  expect(result.ok).toBe(true);
});

test('each message is echoed as one message, in order, byte for byte', async () => {
  const big = Buffer.alloc(60_000, 0x5a);
  const got = await echoes(url, ['one', Buffer.from([0, 255]), big, 'ü']);
  expect(got).toEqual([
    { data: Buffer.from('one').toString('hex'), isBinary: true },
    { data: '00ff', isBinary: true },
    { data: big.toString('hex'), isBinary: true },
    { data: Buffer.from('ü').toString('hex'), isBinary: true },
  ]);
});

test('a fragmented message is echoed whole, and a ping answered', async () => {
  const raw = await openRaw(url);
  raw.socket.write(
    Buffer.concat([
      clientFrame(0x2, 'stre', { fin: false }),
      clientFrame(0x9, 'are you there'),
      clientFrame(0x0, 'amed'),
    ]),
  );
  await expect.poll(() => raw.received().toString('latin1')).toContain('streamed');
  const bytes = raw.received();
  // A pong (0x8a) with the ping's payload, then one binary frame.
  expect(bytes.subarray(0, 2).toString('hex')).toBe('8a0d');
  expect(bytes.subarray(15).toString('hex')).toBe(`8208${Buffer.from('streamed').toString('hex')}`);
  raw.socket.destroy();
});

test('a message over the limit closes with 1009, and others are still served', async () => {
  const raw = await openRaw(url);
  raw.socket.write(clientFrame(0x2, Buffer.alloc(64 * 1024 + 1)));
  expect(await raw.close).toMatchObject({ code: 1009 });
  expect(await echoes(url, ['still here'])).toHaveLength(1);
});

const withGo = needs(whyGoIsMissing());
withGo.test(
  "gorilla's NextReader/NextWriter loop keeps text as text",
  async () => {
    const go = await startGo(buildGo('stream-echo.go'), ['-addr', '127.0.0.1:0']);
    try {
      const result = await runInNode(run, `http://${go.address}`);
      expect(result.text.slice(2)).toEqual([
        'received hello, stream',
        'received 2 bytes: ca fe',
        'info message 1 went as text, came back as text',
        'info message 2 went as binary, came back as binary',
      ]);
      const big = Buffer.alloc(60_000, 0x5a);
      expect(await echoes(`ws://${go.address}/ws/stream-echo`, ['one', big])).toEqual([
        { data: Buffer.from('one').toString('hex'), isBinary: false },
        { data: big.toString('hex'), isBinary: true },
      ]);
      // io.Copy sends the echo on buffer by buffer: one message, many
      // frames, none larger than the 1 KiB WriteBufferSize.
      const raw = await openRaw(`ws://${go.address}/ws/stream-echo`);
      const payload = Buffer.alloc(4_000, 0xa5);
      raw.socket.write(clientFrame(0x2, payload));
      await expect.poll(() => serverFrames(raw.received()).at(-1)?.fin).toBe(true);
      const frames = serverFrames(raw.received());
      expect(frames.length).toBeGreaterThan(1);
      expect(frames.map((f) => f.opcode)).toEqual([0x2, ...frames.slice(1).map(() => 0x0)]);
      expect(frames.every((f) => f.payload.length <= 1024)).toBe(true);
      expect(Buffer.concat(frames.map((f) => f.payload)).equals(payload)).toBe(true);
      raw.socket.destroy();
    } finally {
      go.stop();
    }
  },
  60_000,
);
