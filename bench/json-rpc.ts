// JSON-RPC 2.0 Arith.Multiply, the playground against plain handlers
// doing the same work, each server in a process of its own:
// - over HTTP, `POST /rpc` loaded by autocannon (50 connections,
//   keep-alive, one request in flight each) against a node:http
//   handler that reads the body, parses it and answers, and against
//   the `json-rpc-2.0` library's server on node:http (what a
//   programmer would otherwise pick);
// - over WebSocket, `/ws/rpc` loaded by the load-generator process
//   (50 clients, one call in flight each) against a bare ws handler.
// autocannon runs in this process, the WebSocket clients in one of
// their own; neither shares a server's event loop. Runs alternate
// between the servers; medians are compared.
//
//   node bench/json-rpc.ts      (RPC_RUNS=3 runs a server of RPC_SECONDS=3 s)

import autocannon from 'autocannon';
import { alternate } from './support/alternate.ts';
import {
  type ServerProcess,
  startAll,
  startBaseline,
  startJsonRpcLibrary,
  startLoadGenerator,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const CONNECTIONS = 50;
const RUNS = Number(process.env['RPC_RUNS'] || 3);
const SECONDS = Number(process.env['RPC_SECONDS'] || 3);
const CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'Arith.Multiply',
  params: { A: 7, B: 8 },
});
const ANSWER = '"result":56';
/** The playground's CPU capacity, as a share of the bare handler's. */
const CAPACITY_TARGET = 0.8;

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

const [baseline, library, playground] = await startAll(
  startBaseline(),
  startJsonRpcLibrary(),
  startPlayground(),
);
const load = startLoadGenerator();
/** The name of each server in the table. */
const names = new Map([
  [library, 'json-rpc-2.0 on node:http'],
  [playground, 'playground'],
]);
try {
  // All answer the call the same way before any is measured.
  for (const server of [baseline, library, playground]) {
    const response = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: CALL,
    });
    const text = await response.text();
    if (!text.includes(ANSWER)) throw new Error(`${server.name} answered ${text}`);
  }
  // autocannon's first run on a fresh server warms it up.
  for (const server of [baseline, library, playground]) {
    await autocannon({
      url: `${server.url}/rpc`,
      method: 'POST',
      body: CALL,
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      duration: 1,
    });
  }
  // json-rpc-2.0 brings no WebSocket server: over WebSocket the bare
  // ws handler is the only baseline.
  const transports = [
    {
      transport: 'HTTP (autocannon)',
      bare: 'bare node:http handler',
      servers: [baseline, library, playground],
      measure: (server: ServerProcess) => overHttp(server),
    },
    {
      transport: 'WebSocket',
      bare: 'bare ws handler',
      servers: [baseline, playground],
      measure: (server: ServerProcess) =>
        load.request<Run>({
          cmd: 'closed-loop',
          url: `${server.url.replace(/^http/, 'ws')}/ws/rpc`,
          clients: CONNECTIONS,
          binary: false,
          payload: CALL,
          expect: ANSWER,
          seconds: SECONDS,
        }),
    },
  ];
  const rows: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const { transport, bare, servers, measure } of transports) {
    const runs = await alternate(RUNS * servers.length, servers, async (server) => {
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
    const row = (name: string, s: typeof b) => [
      transport,
      name,
      fmt(s.perSecond),
      s.p50.toFixed(2),
      s.p99.toFixed(2),
      s.cpu.toFixed(1),
      name === bare ? '' : `${(b.cpu / s.cpu).toFixed(2)}×`,
    ];
    rows.push(row(bare, b));
    for (const server of servers.slice(1)) rows.push(row(names.get(server)!, summary(server)));
    const p = summary(playground);
    rows.push([
      transport,
      '**playground / bare**',
      `**${ratio(p.perSecond, b.perSecond)}**`,
      ratio(p.p50, b.p50),
      ratio(p.p99, b.p99),
      ratio(p.cpu, b.cpu),
      `**${(b.cpu / p.cpu).toFixed(2)}×**`,
    ]);
    const capacity = b.cpu / p.cpu;
    verdicts.push(
      `- ${transport}: CPU capacity ${capacity.toFixed(2)} of the bare handler's: ` +
        (capacity >= CAPACITY_TARGET ? 'meets' : 'misses') +
        ` the target of ${CAPACITY_TARGET}`,
    );
    if (servers.includes(library)) {
      const l = summary(library);
      verdicts.push(
        `- ${transport}: ${ratio(p.perSecond, l.perSecond)} the calls a second of ` +
          `json-rpc-2.0 on node:http (CPU capacity ${(l.cpu / p.cpu).toFixed(2)}×): ` +
          (p.cpu <= l.cpu ? 'meets' : 'misses') +
          ' the target of at least its throughput',
      );
    }
  }
  writeSection(
    'json-rpc',
    [
      '## JSON-RPC Arith.Multiply: playground vs bare handlers and json-rpc-2.0',
      '',
      ranAt(),
      `${CONNECTIONS} connections, one call in flight each; ${RUNS} runs of ${SECONDS} s per ` +
        "server and transport, alternating; medians. Latency in ms. The playground's /rpc " +
        'goes through its router, CORS check, content-type and size checks and its JSON-RPC ' +
        'server (validation, time limit); the bare handlers parse and multiply; json-rpc-2.0 ' +
        "is that library's JSONRPCServer on node:http, as its README wires it. Server CPU " +
        'per call (user and system time over the run, divided by the calls answered) is ' +
        'steadier than calls per second on shared cores; its inverse ratio is the capacity, ' +
        `and the verdict. Targets: capacity ≥ ${CAPACITY_TARGET} of the bare handler's on ` +
        "both transports, and over HTTP at least json-rpc-2.0's.",
      '',
      table(
        [
          'transport',
          'server',
          'calls/s',
          'p50 ms',
          'p99 ms',
          'server CPU µs/call',
          'capacity (bare CPU / its CPU)',
        ],
        rows,
      ),
      '',
      ...verdicts,
    ].join('\n'),
  );
} finally {
  await stopAll(load, baseline, library, playground);
}
