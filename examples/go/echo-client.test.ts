// The notes' gorilla/websocket, as a client, against both echo
// endpoints of the playground: ws's and the one written from scratch.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import type { FrameRecord } from '../websocket/frame-record.ts';

const withGo = needs(whyGoIsMissing());
withGo.describe('the gorilla client in examples/go', () => {
  let server: RunningServer;
  let client: string;

  beforeAll(async () => {
    server = await startTestServer();
    client = buildGo('echo-client.go');
  }, 120_000);
  afterAll(() => server?.close());

  /** Runs the client against a path; resolves with what it printed. */
  async function gorilla(path: string) {
    const url = `${server.url.replace('http', 'ws')}${path}`;
    const { stdout } = await promisify(execFile)(client, ['-url', url], { timeout: 10_000 });
    return stdout.trimEnd().split('\n');
  }

  test.each(['/ws/echo', '/ws/raw-echo'])(
    'gets every echo, a pong and the close from %s',
    async (path) => {
      expect(await gorilla(path)).toEqual([
        'connected: 101 Switching Protocols',
        'pong "still there?"',
        'text "hello, wire"',
        'binary ca fe ba be',
        'text "fragment fragment fragment "… (900)',
        'closed with code 1000 done',
      ]);
    },
  );

  test('sends its long message in fragments, which /ws/raw-echo joins', async () => {
    const inspector = new WebSocket(
      `${server.url.replace('http', 'ws')}/ws/raw-inspect?id=gorilla-fragments`,
    );
    const records: FrameRecord[] = [];
    inspector.on('message', (data) => records.push(JSON.parse(String(data))));
    const closed = new Promise((resolve) => inspector.once('close', resolve));
    await new Promise((resolve) => inspector.once('open', resolve));
    await gorilla('/ws/raw-echo?inspect=gorilla-fragments');
    await closed;
    const read = records.filter((r) => r.label === 'read').map((r) => [r.fin, r.opcode]);
    // ping, text, binary, then the long text: a first fragment,
    // continuations, and a final one; then the close.
    expect(read.slice(0, 4)).toEqual([
      [true, '0x9 ping'],
      [true, '0x1 text'],
      [true, '0x2 binary'],
      [false, '0x1 text'],
    ]);
    expect(read.at(-2)).toEqual([true, '0x0 continuation']);
    expect(read.at(-1)).toEqual([true, '0x8 close']);
    const fragments = records.filter((r) => r.label === 'read').slice(3, -1);
    // 256 bytes a frame: 256 + 256 + 256 + 132.
    expect(fragments.map((r) => r.length)).toEqual([256, 256, 256, 132]);
    // The echo went back whole, as one frame.
    const long = records.filter((r) => r.label === 'wrote' && r.length === 900);
    expect(long).toMatchObject([{ fin: true, opcode: '0x1 text' }]);
  });
});
