import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { eachStore } from '../../tests/support/ws-state-stores.ts';
import { type CloseReports, createCloseReporter, MAX_REPORTS } from './close-report.ts';
import { upgrade } from './echo-server.ts';

eachStore((store) => {
  test('a close is reported by id; one still open is "open" after the wait', async () => {
    const reports = store.closeReports();
    const [closed, open] = [randomUUID(), randomUUID()];
    await reports.opened(closed);
    await reports.opened(open);
    await reports.closed(closed, { code: 4000, reason: 'reader left' });
    expect(await reports.wait(closed, 100)).toEqual({ code: 4000, reason: 'reader left' });
    expect(await reports.wait(open, 100)).toBe('open');
    expect(await reports.wait('never-opened', 100)).toBeNull();
  });

  test('a wait ends as soon as the close comes, from another store on the same data', async () => {
    const [here, there] = [store.closeReports(), store.closeReports()];
    const id = randomUUID();
    await here.opened(id);
    const started = Date.now();
    const report = there.wait(id, 5_000);
    setTimeout(() => here.closed(id, { code: 1000, reason: '' }), 100);
    expect(await report).toEqual({ code: 1000, reason: '' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test(`at most ${MAX_REPORTS} reports: the oldest makes room for the newest`, async () => {
    const reports = store.closeReports();
    const ids = Array.from({ length: MAX_REPORTS + 1 }, () => randomUUID());
    for (const id of ids) await reports.opened(id);
    expect(await reports.wait(ids[0]!, 0)).toBeNull();
    expect(await reports.wait(ids[1]!, 0)).toBe('open');
    expect(await reports.wait(ids.at(-1)!, 0)).toBe('open');
    for (const id of ids) await reports.closed(id, { code: 1000, reason: '' });
  });
});

test('a store that cannot be reached: the connection is closed with 1013, saying why', async () => {
  const unreachable: CloseReports = {
    opened: () => Promise.reject(new Error('the report store is unreachable')),
    closed: () => {},
    wait: async () => null,
  };
  const { wss } = createCloseReporter(1024, unreachable);
  const server = createServer().on('upgrade', (req, socket, head) =>
    upgrade(wss, req, socket, head),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
    expect(code).toBe(1013);
    expect(reason.toString()).toBe('the report store is unreachable');
  } finally {
    server.close();
  }
});
