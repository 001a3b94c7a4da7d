// Push fan-out across instances: one chat broadcast on /ws/push to every
// reader, with the readers on one playground instance, then split
// evenly over two instances that share one Redis (issue 17). Both set
// REDIS_URL, so both publish through Redis and the only difference is
// the second instance: its readers hear the message once Redis has
// passed it on, and each instance sends to half the readers. Readers
// live in a load-generator process; the time runs from the send to
// the moment the last reader has the message (its median reader too),
// the median of a few broadcasts. The largest size is MAX_CONNECTIONS's
// default, the most readers one instance holds at its default limits.
//
//   node bench/fan-out-instances.ts     (FAN_OUT_ROUNDS=5 broadcasts per size)

import { loadavg } from 'node:os';
import { DEFAULTS } from '../playground-server/config.ts';
import { startRedis } from '../tests/support/redis.ts';
import { requireOpenFiles } from './support/open-files.ts';
import {
  type ServerProcess,
  startAll,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const READERS = [1_000, DEFAULTS.maxConnections];
const ROUNDS = Number(process.env['FAN_OUT_ROUNDS'] || 5);

/** The CPU time the servers have used, together, in µs. */
async function cpuOf(servers: ServerProcess[]) {
  let sum = 0;
  for (const server of servers) sum += await server.cpu();
  return sum;
}

interface Arrival {
  first: number;
  median: number;
  last: number;
}

const loadAtStart = loadavg()[0]!;
const redis = await startRedis();
const [first, second] = await startAll(
  startPlayground({ REDIS_URL: redis.url }),
  startPlayground({ REDIS_URL: redis.url }),
);
const load = startLoadGenerator();
try {
  const most = Math.max(...READERS);
  await requireOpenFiles(load, 'load generator', most + 100);
  for (const server of [first, second]) await requireOpenFiles(server, 'playground', most + 100);

  const layouts: { name: string; servers: ServerProcess[] }[] = [
    { name: 'one instance', servers: [first] },
    { name: 'two instances, half each', servers: [first, second] },
  ];
  const rows: (string | number)[][] = [];
  for (const readers of READERS) {
    const results = new Map<string, Arrival[]>();
    const cpuPerDelivery = new Map<string, number>();
    for (const layout of layouts) {
      for (const server of layout.servers) {
        await load.request({
          cmd: 'open',
          url: `${server.url.replace(/^http/, 'ws')}/ws/push`,
          count: readers / layout.servers.length,
        });
      }
      // Let the welcome and presence messages of the arrivals settle.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const rounds: Arrival[] = [];
      const cpuBefore = await cpuOf(layout.servers);
      for (let round = 0; round < ROUNDS; round++) {
        const token = `fan-out-instances-${readers}-${layout.servers.length}-${round}`;
        rounds.push(
          await load.request<Arrival>({
            cmd: 'fan-out',
            message: JSON.stringify({ type: 'chat', text: token }),
            token,
            timeoutMs: 60_000,
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // Every instance's CPU, per message a reader was sent.
      cpuPerDelivery.set(
        layout.name,
        ((await cpuOf(layout.servers)) - cpuBefore) / (ROUNDS * readers),
      );
      await load.request({ cmd: 'close' });
      results.set(layout.name, rounds);
      const last = median(rounds.map((r) => r.last));
      console.log(
        `${fmt(readers)} readers, ${layout.name}: last reader after ${last.toFixed(1)} ms`,
      );
    }
    const summary = (name: string) => {
      const all = results.get(name)!;
      return {
        median: median(all.map((r) => r.median)),
        last: median(all.map((r) => r.last)),
        cpu: cpuPerDelivery.get(name)!,
      };
    };
    const one = summary(layouts[0]!.name);
    const two = summary(layouts[1]!.name);
    for (const [name, row] of [
      [layouts[0]!.name, one],
      [layouts[1]!.name, two],
    ] as const) {
      rows.push([
        fmt(readers),
        name,
        row.median.toFixed(1),
        row.last.toFixed(1),
        row.cpu.toFixed(1),
      ]);
    }
    rows.push([
      fmt(readers),
      '**two / one**',
      ratio(two.median, one.median),
      `**${ratio(two.last, one.last)}**`,
      ratio(two.cpu, one.cpu),
    ]);
  }
  writeSection(
    'fan-out-instances',
    [
      '## Push fan-out across instances: one Redis, one instance or two',
      '',
      ranAt(),
      `Load average at the start: ${loadAtStart.toFixed(1)}. Readers on /ws/push in a load-generator ` +
        `process of their own; ${ROUNDS} broadcasts per size, medians; time in ms from one reader's chat ` +
        'until half the readers (median) and all of them (last) have it. Both layouts publish through ' +
        'the same redis-server; with two instances each sends to half the readers. On a 2-core machine ' +
        'the two instances, Redis and the load generator share the cores, so two instances cannot show ' +
        'the speed-up they give on machines of their own; what the table shows is the cost of the hop ' +
        "through Redis and of splitting the sends. CPU is both instances' together (user + system) " +
        'over the broadcasts, per message a reader was sent. A ratio above 1× means two instances ' +
        'are slower.',
      '',
      table(
        ['readers', 'layout', 'median reader ms', 'last reader ms', 'µs CPU per reader sent'],
        rows,
      ),
    ].join('\n'),
  );
} finally {
  await stopAll(load, first, second);
  await redis.stop();
}
