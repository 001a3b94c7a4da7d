// WebSocket echo: the playground's /ws/echo (a real `npm start`
// process, its limits raised so they never trigger) against a bare
// `ws` echo server, each in a process of its own, loaded by a third.
// Fifty clients each keep one message in flight (send, wait for the
// echo, send again), with 32-byte and 4 KiB binary messages; each
// run reports messages per second and the round trip's p50 and p99.
// Runs alternate (baseline, playground, playground, baseline, …) so
// that the machine's drift falls on both alike, and the medians are
// compared. Target: the playground keeps at least 0.9 of the
// baseline's throughput.
//
//   node bench/websocket-echo.ts
//   (ECHO_RUNS=8 runs of ECHO_SECONDS=3 s per server and size)

import { startBaseline, startLoadGenerator, startPlayground, stopAll, type ServerProcess } from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const CLIENTS = 50;
const SIZES = [32, 4096];
const RUNS = Number(process.env['ECHO_RUNS'] || 8);
const SECONDS = Number(process.env['ECHO_SECONDS'] || 3);
const TARGET = 0.9;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

const [baseline, playground] = await Promise.all([startBaseline(), startPlayground()]);
const load = startLoadGenerator();
try {
  const rows: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const runs = new Map<ServerProcess, Run[]>([[baseline, []], [playground, []]]);
    for (let run = 0; run < RUNS; run++) {
      // A B B A A B B A: each server goes first as often as last.
      const server = [baseline, playground, playground, baseline][run % 4]!;
      const result = await load.request<Run>({
        cmd: 'closed-loop',
        url: `${server.url.replace(/^http/, 'ws')}/ws/echo`,
        clients: CLIENTS,
        binary: true,
        bytes: size,
        expect: size,
        seconds: SECONDS,
      });
      runs.get(server)!.push(result);
      console.log(`${size} B, ${server.name}: ${fmt(result.perSecond)} msg/s, ` +
        `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`);
    }
    const summary = (server: ServerProcess) => {
      const all = runs.get(server)!;
      return {
        perSecond: median(all.map((r) => r.perSecond)),
        p50: median(all.map((r) => r.p50)),
        p99: median(all.map((r) => r.p99)),
        spread: `${fmt(Math.min(...all.map((r) => r.perSecond)))}–${fmt(Math.max(...all.map((r) => r.perSecond)))}`,
      };
    };
    const b = summary(baseline);
    const p = summary(playground);
    const label = size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
    for (const [name, s] of [['bare ws', b], ['playground', p]] as const) {
      rows.push([
        label, name, fmt(s.perSecond), s.spread,
        s.p50.toFixed(2), s.p99.toFixed(2),
      ]);
    }
    rows.push([
      label, '**playground / bare**', `**${ratio(p.perSecond, b.perSecond)}**`, '',
      ratio(p.p50, b.p50), ratio(p.p99, b.p99),
    ]);
    const kept = p.perSecond / b.perSecond;
    verdicts.push(`${label}: ${kept >= TARGET ? 'meets' : 'misses'} the target ` +
      `(${kept.toFixed(2)} of the baseline's throughput)`);
  }
  writeSection('websocket-echo', [
    '## WebSocket echo: playground /ws/echo vs bare ws',
    '',
    ranAt(),
    `${CLIENTS} clients, one binary message in flight each, in a load-generator process of ` +
      `its own; ${RUNS} runs of ${SECONDS} s per server and size, alternating, after 1 s of ` +
      'warm-up each; medians. Latency is the round trip in ms. The playground runs as ' +
      '`npm start` does, with WS_MAX_PER_CLIENT=0 and the message rate raised out of reach ' +
      `(every other check still runs). Target: ≥ ${TARGET} of the baseline's throughput.`,
    '',
    table(['message', 'server', 'msg/s', 'range of runs', 'p50 ms', 'p99 ms'], rows),
    '',
    ...verdicts.map((line) => `- ${line}`),
  ].join('\n'));
} finally {
  await stopAll(load, baseline, playground);
}
