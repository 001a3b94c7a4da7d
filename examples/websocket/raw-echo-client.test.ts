import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import type { FrameRecord } from './frame-record.ts';
import { run } from './raw-echo-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const bytes = (hex: string) => (hex ? hex.split(' ').map((b) => parseInt(b, 16)) : []);

/** A frame record; the client's random mask is checked below. */
const frame = (label: string, head: string, opcode: string, payload: string, says: string) => ({
  label,
  bytes: {
    head,
    length: '',
    mask: label === 'read' ? expect.stringMatching(/^[0-9a-f]{2}( [0-9a-f]{2}){3}$/) : '',
    payload: label === 'read' ? expect.any(String) : payload,
    more: 0,
  },
  fin: true,
  rsv: 0,
  opcode,
  masked: label === 'read',
  length: bytes(payload).length,
  says,
});

test('the demo echoes text and binary and shows each frame both ways', async () => {
  const result = await runInNode(run, server.url);
  const ws = server.url.replace('http', 'ws');
  expect(result.text[0]).toMatch(
    new RegExp(`^info connected to ${ws}/ws/raw-echo\\?inspect=[0-9a-f]{24}$`),
  );
  expect(result.text.slice(1).filter((line) => !line.startsWith('view'))).toEqual([
    'sent Hello',
    'received Hello',
    'sent 2 bytes: ca fe',
    'received 2 bytes: ca fe',
    'info closed with code 1000 done',
  ]);
  expect(result.text.map((line) => line.split(' ')[0])).toEqual([
    'info',
    'sent',
    'received',
    'view',
    'sent',
    'received',
    'view',
    'info',
    'view',
  ]);
  const views = result.lines.flatMap((line) =>
    line.direction === 'view' ? [line.value as FrameRecord[]] : [],
  );
  expect(views).toEqual([
    [
      frame('read', '81 85', '0x1 text', '48 65 6c 6c 6f', '"Hello"'),
      frame('wrote', '81 05', '0x1 text', '48 65 6c 6c 6f', '"Hello"'),
    ],
    [
      frame('read', '82 82', '0x2 binary', 'ca fe', ''),
      frame('wrote', '82 02', '0x2 binary', 'ca fe', ''),
    ],
    [
      frame('read', '88 86', '0x8 close', '03 e8 64 6f 6e 65', 'code 1000 "done"'),
      frame('wrote', '88 06', '0x8 close', '03 e8 64 6f 6e 65', 'code 1000 "done"'),
    ],
  ]);
  // What the client sent, unmasked with its key, is what came back.
  for (const [read, wrote] of views) {
    const key = bytes(read!.bytes.mask);
    const unmasked = bytes(read!.bytes.payload).map((b, i) => b ^ key[i % 4]!);
    expect(unmasked).toEqual(bytes(wrote!.bytes.payload));
  }
  expect(result.ok).toBe(true);
  // Both sockets, the echo and the inspector, are closed at the end.
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

test('Stop closes both sockets', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') stop.abort(new DOMException('by the reader', 'AbortError'));
    },
  });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
