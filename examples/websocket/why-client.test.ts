import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { compare } from './why-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Row {
  transport: string;
  events: number;
  requests: number;
  'bytes up': number;
  'bytes down': number;
  'median delay (ms)': number;
  'worst delay (ms)': number;
}

test('four transports follow one run; polling costs more requests and bytes', async () => {
  const result = await runInNode((io) => compare(io, 3), server.url, { timeoutMs: 20_000 });
  expect(result.ok).toBe(true);
  expect(result.text[0]).toBe('info following one run of events four ways at once…');
  expect(result.text[1]).toMatch(/^info the server made \d+ events; each way heard:$/);
  const events = Number(/made (\d+) events/.exec(result.text[1]!)![1]);
  // At 0.3 to 1.5 s apart, 3 s hold at least one event.
  expect(events).toBeGreaterThanOrEqual(1);

  const views = result.lines.filter((line) => line.direction === 'view');
  expect(views.map((v) => 'view' in v && v.view)).toEqual(['bars', 'table']);
  const rows = (views[1] as { value: Row[] }).value;
  const by = Object.fromEntries(rows.map((row) => [row.transport, row]));
  expect(Object.keys(by)).toEqual([
    'short polling',
    'long polling',
    'Server-Sent Events',
    'WebSocket',
  ]);
  // Every way heard every event.
  for (const row of rows) expect(row.events, row.transport).toBe(events);
  // One request for each stream; a request per 500 ms for short
  // polling; one per event (and a last one) for long polling.
  expect(by['WebSocket']!.requests).toBe(1);
  expect(by['Server-Sent Events']!.requests).toBe(1);
  expect(by['short polling']!.requests).toBeGreaterThanOrEqual(4);
  expect(by['long polling']!.requests).toBeGreaterThanOrEqual(events);
  const bytes = (row: Row) => row['bytes up'] + row['bytes down'];
  expect(bytes(by['short polling']!)).toBeGreaterThan(bytes(by['WebSocket']!));
  expect(bytes(by['short polling']!)).toBeGreaterThan(bytes(by['Server-Sent Events']!));
  for (const row of rows) {
    expect(row['bytes up'], row.transport).toBeGreaterThan(0);
    expect(row['bytes down'], row.transport).toBeGreaterThan(0);
    expect(row['median delay (ms)']).toBeGreaterThanOrEqual(0);
    expect(row['worst delay (ms)']).toBeGreaterThanOrEqual(row['median delay (ms)']);
  }

  const bars = (
    views[0] as { value: { groups: { label: string; bars: { label: string; value: number }[] }[] } }
  ).value;
  expect(bars.groups.map((g) => g.label)).toEqual([
    'requests',
    'bytes on the wire',
    'median delay (ms)',
  ]);
  expect(bars.groups[0]!.bars).toEqual(
    rows.map((r) => ({ label: r.transport, value: r.requests })),
  );
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
}, 30_000);
