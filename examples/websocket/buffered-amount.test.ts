import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './buffered-amount.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Chart {
  series: { name: string; points: [number, number][] }[];
}

test('bufferedAmount grows while the server does not read, and drains to 0', async () => {
  const result = await runInNode(run, server.url, { timeoutMs: 20_000 });
  expect(result.ok).toBe(true);
  expect(result.text.slice(0, 3)).toEqual([
    'info sending 6 MiB in 64 KiB messages, waiting whenever bufferedAmount reaches 512 KiB',
    expect.stringMatching(
      /^info bufferedAmount peaked at \d+ KiB with \d+ KiB sent and \d+ KiB read by the server$/,
    ),
    'info the server read all 6 MiB; bufferedAmount is back to 0',
  ]);
  const view = result.lines.find((line) => line.direction === 'view');
  expect(view).toMatchObject({ view: 'line', value: { x: 'ms since the first send', y: 'KiB' } });
  const { series } = (view as { value: Chart }).value;
  expect(series.map((s) => s.name)).toEqual(['sent', 'bufferedAmount', 'read by the server']);
  const [sent, buffered, read] = series.map((s) => s.points.map(([, kib]) => kib));
  // The shape, not the timing: bytes waited in the page at some
  // point, never above the high-water mark plus one message, and
  // every byte sent was read in the end.
  expect(Math.max(...buffered!)).toBeGreaterThan(0);
  expect(Math.max(...buffered!)).toBeLessThanOrEqual(512 + 64);
  expect(buffered!.at(-1)).toBe(0);
  expect(sent!.at(-1)).toBe(6 * 1024);
  expect(read!.at(-1)).toBe(6 * 1024);
  // Sent and read only ever grow; what is read never passes what was sent.
  const rising = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);
  expect(rising(sent!) && rising(read!)).toBe(true);
  expect(read!.every((r, i) => r <= sent![i]!)).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
}, 30_000);

test('Stop ends the sending loop and closes the socket', async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(new Error('by the reader')), 300);
  const result = await runInNode(run, server.url, { signal: stop.signal });
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  // The close frame queues behind the megabytes already sent, which
  // the slow reader must read first: this takes seconds.
  await expect.poll(() => server.playground.openWebSockets(), { timeout: 20_000 }).toBe(0);
}, 30_000);
