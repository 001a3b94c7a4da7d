// The notes' gorilla/websocket echo server, run for real, with the
// `ws` client on the other end, and the same raw frames the
// playground's echo endpoints are tested with.

import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { buildGo, type GoProgram, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { clientFrame, openRaw } from '../../tests/support/raw-websocket.ts';

const withGo = needs(whyGoIsMissing());
withGo.describe('the gorilla server in examples/go', () => {
  let go: GoProgram;
  let url: string;

  beforeAll(async () => {
    go = await startGo(buildGo('echo-server.go'), ['-addr', '127.0.0.1:0']);
    url = `ws://${go.address}/ws/echo`;
  }, 120_000);
  afterAll(() => go?.stop());

  test('the ws client gets text as text, binary as binary, a pong, and its close code', async () => {
    const ws = new WebSocket(url);
    await new Promise((resolve) => ws.once('open', resolve));
    const seen: unknown[] = [];
    ws.on('message', (data, isBinary) => seen.push([isBinary ? 'binary' : 'text', String(data)]));
    ws.on('pong', (data) => seen.push(['pong', String(data)]));
    ws.ping('still there?');
    ws.send('hello, gorilla');
    // ws can fragment a message by hand: fin false, then the rest.
    ws.send('frag', { fin: false });
    ws.send('mented', { fin: true });
    ws.send(Buffer.from('bytes'), { binary: true });
    await expect.poll(() => seen.length).toBe(4);
    const closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve([code, String(reason)])),
    );
    ws.close(4000, 'bye');
    expect(seen).toEqual([
      ['pong', 'still there?'],
      ['text', 'hello, gorilla'],
      ['text', 'fragmented'],
      ['binary', 'bytes'],
    ]);
    // gorilla's default close handler echoes the code, not the reason.
    expect(await closed).toEqual([4000, '']);
  });

  // gorilla's close codes for the violations the playground's echo
  // endpoints are tested with: the same, as RFC 6455 asks.
  test.each([
    ['an unmasked frame', Buffer.from('810548656c6c6f', 'hex'), 1002],
    ['a reserved opcode', clientFrame(0x3, 'x'), 1002],
    ['a fragmented ping', clientFrame(0x9, 'x', { fin: false }), 1002],
    ['a message over SetReadLimit', clientFrame(0x2, Buffer.alloc(64 * 1024 + 1)), 1009],
  ])('$0 is closed with $2', async (_, frame, code) => {
    const raw = await openRaw(url);
    raw.socket.write(frame);
    expect(await raw.close).toMatchObject({ code });
  });
});

withGo.describe('what gorilla leaves to the application', () => {
  test('it echoes text that is not UTF-8 instead of closing with 1007', async () => {
    const go = await startGo(buildGo('echo-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const raw = await openRaw(`ws://${go.address}/ws/echo`);
      raw.socket.write(clientFrame(0x1, Buffer.from([0xc3, 0x28])));
      // ReadMessage does not check text; ws and raw-server.ts do.
      await expect.poll(() => raw.received().toString('hex')).toBe('8102c328');
      raw.socket.destroy();
    } finally {
      go.stop();
    }
  }, 60_000);
});
