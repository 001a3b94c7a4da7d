// Push fan-out: how long one broadcast takes to reach every reader,
// with 1,000 and 10,000 readers connected. On the playground the
// broadcast is a chat message on /ws/push (examples/websocket/
// push-server.ts): a reader sends {"type":"chat"}, the server
// publishes it through its pub/sub broker and sends it to every
// reader, each through its bounded send queue. The baseline is a
// bare ws server looping over its clients. Readers live in a
// load-generator process of their own; the time runs from the send
// to the moment the last reader has the message (its median reader
// too). Each broadcast is repeated and the median kept.
//
//   node bench/fan-out.ts       (FAN_OUT_ROUNDS=5 broadcasts per size)

import { requireOpenFiles } from './support/open-files.ts';
import {
  type ServerProcess,
  startAll,
  startBaseline,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const READERS = [1_000, 10_000];
const ROUNDS = Number(process.env['FAN_OUT_ROUNDS'] || 5);

interface Arrival {
  first: number;
  median: number;
  last: number;
}

const [baseline, playground] = await startAll(startBaseline(), startPlayground());
const load = startLoadGenerator();
try {
  const most = Math.max(...READERS);
  await requireOpenFiles(load, 'load generator', most + 100);
  for (const server of [baseline, playground])
    await requireOpenFiles(server, server.name, most + 100);

  const rows: (string | number)[][] = [];
  for (const readers of READERS) {
    const results = new Map<ServerProcess, Arrival[]>();
    // One server at a time holds the readers; the other is idle.
    for (const server of [baseline, playground]) {
      await load.request({
        cmd: 'open',
        url: `${server.url.replace(/^http/, 'ws')}/ws/push`,
        count: readers,
      });
      // Let the welcome and presence messages of the arrivals settle.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const rounds: Arrival[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const token = `fan-out-${readers}-${round}`;
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
      await load.request({ cmd: 'close' });
      results.set(server, rounds);
      const last = median(rounds.map((r) => r.last));
      console.log(
        `${fmt(readers)} readers, ${server.name}: last reader after ${last.toFixed(1)} ms`,
      );
    }
    const summary = (server: ServerProcess) => {
      const all = results.get(server)!;
      return { median: median(all.map((r) => r.median)), last: median(all.map((r) => r.last)) };
    };
    const b = summary(baseline);
    const p = summary(playground);
    rows.push([fmt(readers), 'bare ws loop', b.median.toFixed(1), b.last.toFixed(1)]);
    rows.push([fmt(readers), 'playground /ws/push', p.median.toFixed(1), p.last.toFixed(1)]);
    rows.push([
      fmt(readers),
      '**playground / bare**',
      ratio(p.median, b.median),
      `**${ratio(p.last, b.last)}**`,
    ]);
  }
  writeSection(
    'fan-out',
    [
      '## Push fan-out: one broadcast to every reader',
      '',
      ranAt(),
      `Readers in a load-generator process of their own; ${ROUNDS} broadcasts per size, ` +
        'medians; time in ms from the send until half the readers (median) and all of them ' +
        '(last) have the message. It includes the load generator reading 10,000 messages ' +
        "on one core, the same for both servers. The playground's broadcast goes through " +
        'its in-memory pub/sub broker, a JSON message built once, and a bounded send per ' +
        'reader. A ratio above 1× means the playground is slower.',
      '',
      table(['readers', 'server', 'median reader ms', 'last reader ms'], rows),
    ].join('\n'),
  );
} finally {
  await stopAll(load, baseline, playground);
}
