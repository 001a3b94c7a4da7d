// WebSocket echo: the playground's /ws/echo (a real `npm start`
// process, its limits raised so they never trigger) against a bare
// `ws` echo server, each in a process of its own, loaded by a third.
// Fifty clients each keep one message in flight (send, wait for the
// echo, send again), with 32-byte and 4 KiB binary messages; each
// run reports messages per second and the round trip's p50 and p99.
// Runs alternate (baseline, playground, playground, baseline, …) so
// that the machine's drift falls on both alike, and the medians are
// compared. Target: the playground keeps at least 0.9 of the
// baseline's throughput. Each server also reports the CPU time it
// spent (support/probe.ts): CPU per message is what the verdict
// compares, since other processes on the machine move messages per
// second far more than they move it. (A CPU profile of the playground
// echoing 4 KiB messages, taken while writing this, put the limits'
// per-message code of the WebSocket limits under 1% of its time; the
// rest was ws framing and the socket writes a bare server does too.)
//
//   node bench/websocket-echo.ts
//   (ECHO_RUNS=12 runs of ECHO_SECONDS=2 s per server and size)

import {
  type ServerProcess,
  startBaseline,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const CLIENTS = 50;
const SIZES = [32, 4096];
const RUNS = Number(process.env['ECHO_RUNS'] || 12);
const SECONDS = Number(process.env['ECHO_SECONDS'] || 2);
const TARGET = 0.9;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  cpuPerMessage: number;
}

const [baseline, playground] = await Promise.all([startBaseline(), startPlayground()]);
const load = startLoadGenerator();
try {
  const rows: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const runs = new Map<ServerProcess, Run[]>([
      [baseline, []],
      [playground, []],
    ]);
    for (let run = 0; run < RUNS; run++) {
      // A B B A A B B A: each server goes first as often as last.
      const server = [baseline, playground, playground, baseline][run % 4]!;
      const result = await server.cpuPer(
        () =>
          load.request<Run>({
            cmd: 'closed-loop',
            url: `${server.url.replace(/^http/, 'ws')}/ws/echo`,
            clients: CLIENTS,
            binary: true,
            bytes: size,
            expect: size,
            seconds: SECONDS,
          }),
        (run) => run.total,
      );
      runs.get(server)!.push(result);
      console.log(
        `${size} B, ${server.name}: ${fmt(result.perSecond)} msg/s, ` +
          `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ` +
          `${result.cpuPerMessage.toFixed(1)} µs CPU/msg`,
      );
    }
    const summary = (server: ServerProcess) => {
      const all = runs.get(server)!;
      return {
        perSecond: median(all.map((r) => r.perSecond)),
        p50: median(all.map((r) => r.p50)),
        p99: median(all.map((r) => r.p99)),
        cpu: median(all.map((r) => r.cpuPerMessage)),
        spread: `${fmt(Math.min(...all.map((r) => r.perSecond)))}–${fmt(Math.max(...all.map((r) => r.perSecond)))}`,
      };
    };
    const b = summary(baseline);
    const p = summary(playground);
    const label = size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
    for (const [name, s] of [
      ['bare ws', b],
      ['playground', p],
    ] as const) {
      rows.push([
        label,
        name,
        fmt(s.perSecond),
        s.spread,
        s.p50.toFixed(2),
        s.p99.toFixed(2),
        s.cpu.toFixed(1),
        '',
      ]);
    }
    // What the server could carry with a core to itself: the inverse
    // of its CPU time per message, which other processes do not move.
    const capacity = b.cpu / p.cpu;
    rows.push([
      label,
      '**playground / bare**',
      `**${ratio(p.perSecond, b.perSecond)}**`,
      '',
      ratio(p.p50, b.p50),
      ratio(p.p99, b.p99),
      ratio(p.cpu, b.cpu),
      `**${capacity.toFixed(2)}×**`,
    ]);
    const kept = p.perSecond / b.perSecond;
    verdicts.push(
      `${label}: measured throughput ${kept.toFixed(2)} of the baseline's, ` +
        `CPU capacity ${capacity.toFixed(2)}: ${capacity >= TARGET ? 'meets' : 'misses'} the ` +
        `target of ${TARGET}`,
    );
  }
  writeSection(
    'websocket-echo',
    [
      '## WebSocket echo: playground /ws/echo vs bare ws',
      '',
      ranAt(),
      `${CLIENTS} clients, one binary message in flight each, in a load-generator process of ` +
        `its own; ${RUNS} runs of ${SECONDS} s per server and size, alternating, after 1 s of ` +
        'warm-up each; medians. Latency is the round trip in ms. The playground runs as ' +
        '`npm start` does, with WS_MAX_PER_CLIENT=0 and the message rate raised out of reach ' +
        `(every other check still runs). Target: ≥ ${TARGET} of the baseline's throughput. ` +
        'The cores are shared with other work, so messages per second swing between runs; ' +
        "the server's CPU time per message (its user and system time over the run, warm-up " +
        'included, divided by the messages it echoed) does not, and its inverse is the ' +
        'throughput it could keep on a core of its own: the capacity ratio is the verdict.',
      '',
      table(
        [
          'message',
          'server',
          'msg/s',
          'range of runs',
          'p50 ms',
          'p99 ms',
          'server CPU µs/msg',
          'capacity (bare CPU / playground CPU)',
        ],
        rows,
      ),
      '',
      ...verdicts.map((line) => `- ${line}`),
    ].join('\n'),
  );
} finally {
  await stopAll(load, baseline, playground);
}
