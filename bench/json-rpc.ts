// JSON-RPC 2.0 Arith.Multiply, the playground against plain handlers
// doing the same work, each server in a process of its own:
// - over HTTP, `POST /rpc` loaded by autocannon (50 connections,
//   keep-alive, one request in flight each) against a node:http
//   handler that reads the body, parses it and answers;
// - over WebSocket, `/ws/rpc` loaded by the load-generator process
//   (50 clients, one call in flight each) against a bare ws handler.
// autocannon runs in this process, the WebSocket clients in one of
// their own; neither shares a server's event loop. Runs alternate
// between the servers; medians are compared.
//
//   node bench/json-rpc.ts      (RPC_RUNS=6 runs of RPC_SECONDS=3 s)

import autocannon from 'autocannon';
import { alternate } from './support/alternate.ts';
import {
  type ServerProcess,
  startBaseline,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const CONNECTIONS = 50;
const RUNS = Number(process.env['RPC_RUNS'] || 6);
const SECONDS = Number(process.env['RPC_SECONDS'] || 3);
const CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'Arith.Multiply',
  params: { A: 7, B: 8 },
});
const ANSWER = '"result":56';

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  /** Calls answered in the whole run. */
  total: number;
}

/** One autocannon run against POST /rpc; any error or non-2xx fails it. */
async function overHttp(server: ServerProcess): Promise<Run> {
  const result = await autocannon({
    url: `${server.url}/rpc`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: CALL,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(
      `${server.name}: ${result.errors} errors, ${result.non2xx} non-2xx, ` +
        `${result.timeouts} timeouts`,
    );
  }
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

const [baseline, playground] = await Promise.all([startBaseline(), startPlayground()]);
const load = startLoadGenerator();
try {
  // Both answer the call the same way before either is measured.
  for (const server of [baseline, playground]) {
    const response = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: CALL,
    });
    const text = await response.text();
    if (!text.includes(ANSWER)) throw new Error(`${server.name} answered ${text}`);
  }
  // autocannon's first run on a fresh server warms it up.
  for (const server of [baseline, playground]) {
    await autocannon({
      url: `${server.url}/rpc`,
      method: 'POST',
      body: CALL,
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      duration: 1,
    });
  }
  const transports = {
    'HTTP (autocannon)': (server: ServerProcess) => overHttp(server),
    WebSocket: (server: ServerProcess) =>
      load.request<Run>({
        cmd: 'closed-loop',
        url: `${server.url.replace(/^http/, 'ws')}/ws/rpc`,
        clients: CONNECTIONS,
        binary: false,
        payload: CALL,
        expect: ANSWER,
        seconds: SECONDS,
      }),
  };
  const rows: (string | number)[][] = [];
  for (const [transport, measure] of Object.entries(transports)) {
    const runs = await alternate(RUNS, [baseline, playground], async (server) => {
      const run = await server.cpuPer(
        () => measure(server),
        (r) => r.total,
      );
      console.log(
        `${transport}, ${server.name}: ${fmt(run.perSecond)} calls/s, ` +
          `p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ` +
          `${run.cpuPerMessage.toFixed(1)} µs CPU/call`,
      );
      return run;
    });
    const summary = (server: ServerProcess) => {
      const all = runs.get(server)!;
      return {
        perSecond: median(all.map((r) => r.perSecond)),
        p50: median(all.map((r) => r.p50)),
        p99: median(all.map((r) => r.p99)),
        cpu: median(all.map((r) => r.cpuPerMessage)),
      };
    };
    const b = summary(baseline);
    const p = summary(playground);
    const bare = transport === 'WebSocket' ? 'bare ws handler' : 'bare node:http handler';
    rows.push([
      transport,
      bare,
      fmt(b.perSecond),
      b.p50.toFixed(2),
      b.p99.toFixed(2),
      b.cpu.toFixed(1),
      '',
    ]);
    rows.push([
      transport,
      'playground',
      fmt(p.perSecond),
      p.p50.toFixed(2),
      p.p99.toFixed(2),
      p.cpu.toFixed(1),
      '',
    ]);
    rows.push([
      transport,
      '**playground / bare**',
      `**${ratio(p.perSecond, b.perSecond)}**`,
      ratio(p.p50, b.p50),
      ratio(p.p99, b.p99),
      ratio(p.cpu, b.cpu),
      `**${(b.cpu / p.cpu).toFixed(2)}×**`,
    ]);
  }
  writeSection(
    'json-rpc',
    [
      '## JSON-RPC Arith.Multiply: playground vs bare handlers',
      '',
      ranAt(),
      `${CONNECTIONS} connections, one call in flight each; ${RUNS} runs of ${SECONDS} s per ` +
        "server and transport, alternating; medians. Latency in ms. The playground's /rpc " +
        'goes through its router, CORS check, content-type and size checks and its JSON-RPC ' +
        'server (validation, time limit); the bare handlers parse and multiply. Server CPU ' +
        'per call (user and system time over the run, divided by the calls answered) is ' +
        'steadier than calls per second on shared cores; its inverse ratio is the capacity.',
      '',
      table(
        [
          'transport',
          'server',
          'calls/s',
          'p50 ms',
          'p99 ms',
          'server CPU µs/call',
          'capacity (bare CPU / playground CPU)',
        ],
        rows,
      ),
    ].join('\n'),
  );
} finally {
  await stopAll(load, baseline, playground);
}
