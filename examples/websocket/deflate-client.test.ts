import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './deflate-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test('per message: the size inflated and on the wire; then 1 MiB closes with 1009', async () => {
  const { ok, lines, text } = await runInNode(run, server.url);
  expect(ok).toBe(true);
  // Node's WebSocket offers the extension and inflates what it gets,
  // but sends its own messages uncompressed: in = payload + 6 to 8
  // bytes of header and mask. The server compresses what it sends.
  expect(text[0]).toBe('info extensions: permessage-deflate');
  const table = lines.find((line) => line.direction === 'view');
  expect(table).toMatchObject({ view: 'table' });
  const [small, repetitive, again, random] = (table as { value: Record<string, unknown>[] }).value;
  // Small text compresses too (ws compresses everything while the
  // window is kept), and gains nothing: 2 bytes of header + 13.
  expect(small).toMatchObject({ kind: 'small text', messageBytes: 11, wireIn: 17, wireOut: 15 });
  expect(repetitive).toMatchObject({ kind: 'repetitive JSON', messageBytes: 3329, wireIn: 3337 });
  expect(repetitive!['wireOut']).toBeLessThan(100);
  // The same message again is mostly a reference back into the window.
  expect(again).toMatchObject({ messageBytes: 3329, wireIn: 3337 });
  expect(again!['wireOut']).toBeLessThan(repetitive!['wireOut'] as number);
  // Random bytes do not compress: deflate's framing makes them larger.
  expect(random).toMatchObject({ kind: 'random bytes', messageBytes: 4096, wireIn: 4104 });
  expect(random!['wireOut']).toBeGreaterThan(4096 + 4);
  // Node sent it uncompressed: refused by its length alone. The
  // compressed case is deflate-echo.test.ts's.
  expect(text.at(-1)).toBe('info 1 MiB of "a": closed with 1009');
});
