// Idle connections: what an open WebSocket costs the server in memory,
// with 10,000 of them open and quiet on the playground's /ws/echo
// against a bare ws echo server. Each server runs in a process of its
// own with --expose-gc and a probe (support/probe.ts) that
// reports its memory after a full collection; the clients live in a
// load-generator process. Measured: RSS and JavaScript heap (plus the
// external memory of buffers) before the clients connect and with all
// of them open; the difference divided by their number. The
// playground runs with WS_MAX_PER_CLIENT=0 (all clients come from
// 127.0.0.1) and MAX_CONNECTIONS raised; every process raises its own
// open-files limit, or the benchmark says what to raise.
//
//   node bench/idle-connections.ts   (IDLE_CONNECTIONS=10000)

import { requireOpenFiles } from './support/open-files.ts';
import {
  type Memory,
  type ServerProcess,
  startAll,
  startBaseline,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { bytes, fmt, ranAt, ratio, table, writeSection } from './support/results.ts';

const CONNECTIONS = Number(process.env['IDLE_CONNECTIONS'] || 10_000);

interface Cost {
  before: Memory;
  after: Memory;
  rss: number;
  heap: number;
  external: number;
}

const [baseline, playground] = await startAll(startBaseline(), startPlayground());
const load = startLoadGenerator();
try {
  await requireOpenFiles(load, 'load generator', CONNECTIONS + 100);
  for (const server of [baseline, playground]) {
    await requireOpenFiles(server, server.name, CONNECTIONS + 100);
  }
  const costs = new Map<ServerProcess, Cost>();
  // One server at a time holds the connections.
  for (const server of [baseline, playground]) {
    const before = await server.memory();
    if (!before.collected) throw new Error(`${server.name} runs without --expose-gc`);
    const url = `${server.url.replace(/^http/, 'ws')}/ws/echo`;
    const { open } = await load.request<{ open: number }>({ cmd: 'open', url, count: CONNECTIONS });
    if (open !== CONNECTIONS) throw new Error(`${server.name}: ${open} of ${CONNECTIONS} opened`);
    // Let the last handshakes' buffers go before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await server.memory();
    await load.request({ cmd: 'close' });
    costs.set(server, {
      before,
      after,
      rss: (after.rss - before.rss) / CONNECTIONS,
      heap: (after.heapUsed - before.heapUsed) / CONNECTIONS,
      external: (after.external - before.external) / CONNECTIONS,
    });
    console.log(
      `${server.name}: ${fmt(CONNECTIONS)} connections cost ` +
        `${bytes(after.rss - before.rss)} of RSS, ${bytes(after.heapUsed - before.heapUsed)} of heap`,
    );
  }
  const b = costs.get(baseline)!;
  const p = costs.get(playground)!;
  const row = (name: string, cost: Cost) => [
    name,
    bytes(cost.before.rss),
    bytes(cost.after.rss),
    fmt(cost.rss),
    bytes(cost.before.heapUsed),
    bytes(cost.after.heapUsed),
    fmt(cost.heap),
    fmt(cost.external),
  ];
  writeSection(
    'idle-connections',
    [
      `## Idle WebSockets: memory per connection at ${fmt(CONNECTIONS)}`,
      '',
      ranAt(),
      `${fmt(CONNECTIONS)} WebSockets opened from a load-generator process to /ws/echo and ` +
        'left idle; server memory after a full garbage collection, before and with them ' +
        'open. Besides what ws keeps, the playground keeps per connection its message-rate ' +
        'bucket, its idle timer and the listeners around them (the per-address count is off ' +
        'here: every client is 127.0.0.1).',
      '',
      table(
        [
          'server',
          'RSS before',
          'RSS with all open',
          'RSS B/conn',
          'heap before',
          'heap with all open',
          'heap B/conn',
          'external B/conn',
        ],
        [
          row('bare ws', b),
          row('playground', p),
          [
            '**playground / bare**',
            '',
            '',
            `**${ratio(p.rss, b.rss)}**`,
            '',
            '',
            `**${ratio(p.heap, b.heap)}**`,
            ratio(p.external, b.external),
          ],
        ],
      ),
    ].join('\n'),
  );
} finally {
  await stopAll(load, baseline, playground);
}
