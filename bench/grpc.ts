// Arith.Multiply over gRPC and the Connect protocol, next to JSON-RPC,
// as ratios against a bare `@grpc/grpc-js` server measured in the same
// run, each server in a process of its own:
// - gRPC over HTTP/2, one connection, 50 calls in flight: grpc-js, and
//   the playground's GRPC_PORT (connect-node);
// - the Connect protocol over HTTP/1.1 at /connect/, binary and JSON,
//   50 keep-alive connections, one call in flight each;
// - JSON-RPC at POST /rpc, autocannon as in json-rpc.ts.
// The gRPC and Connect clients are connect-node's, in this process;
// runs alternate between the targets; medians are compared.
//
//   node bench/grpc.ts      (GRPC_RUNS=3 runs a target of GRPC_SECONDS=3 s)

import { cpus, loadavg } from 'node:os';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport } from '@connectrpc/connect-node';
import autocannon from 'autocannon';
import { Arith } from '../examples/grpc/gen/arith_pb.ts';
import { alternate } from './support/alternate.ts';
import {
  type ServerProcess,
  startAll,
  startGrpcJs,
  startPlayground,
  stopAll,
} from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const CALLS_IN_FLIGHT = 50;
const RUNS = Number(process.env['GRPC_RUNS'] || 3);
const SECONDS = Number(process.env['GRPC_SECONDS'] || 3);

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/** `clients` loops calling Multiply for `seconds`, one call in flight each. */
async function closedLoop(multiply: () => Promise<number>, seconds: number): Promise<Run> {
  const end = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CALLS_IN_FLIGHT }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        const value = await multiply();
        if (value !== 56) throw new Error(`7 × 8 came back as ${value}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))] ?? 0;
  return {
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    total: latencies.length,
  };
}

/** A Multiply caller over `transport`. */
const multiplyOver = (transport: Parameters<typeof createClient>[1]) => {
  const arith = createClient(Arith, transport);
  return async () => (await arith.multiply({ a: 7, b: 8 })).value;
};

/** JSON-RPC's Multiply at POST /rpc, loaded by autocannon. */
async function jsonRpc(server: ServerProcess, seconds: number): Promise<Run> {
  const result = await autocannon({
    url: `${server.url}/rpc`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'Arith.Multiply',
      params: { A: 7, B: 8 },
    }),
    connections: CALLS_IN_FLIGHT,
    duration: seconds,
  });
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(
      `${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

// Other work on the machine skews every figure: say how much there was.
const loadAtStart = loadavg()[0]!;
const [grpcJs, playground] = await startAll(startGrpcJs(), startPlayground());
try {
  const health = (await (await fetch(`${playground.url}/healthz`)).json()) as {
    grpc: { port: number };
  };
  const grpcPort = `http://127.0.0.1:${health.grpc.port}`;
  const targets: {
    transport: string;
    server: ServerProcess;
    name: string;
    measure: (seconds: number) => Promise<Run>;
  }[] = [
    {
      transport: 'gRPC, HTTP/2',
      server: grpcJs,
      name: 'bare @grpc/grpc-js',
      measure: (s) => closedLoop(multiplyOver(createGrpcTransport({ baseUrl: grpcJs.url })), s),
    },
    {
      transport: 'gRPC, HTTP/2',
      server: playground,
      name: 'playground (connect-node)',
      measure: (s) => closedLoop(multiplyOver(createGrpcTransport({ baseUrl: grpcPort })), s),
    },
    {
      transport: 'Connect binary, HTTP/1.1',
      server: playground,
      name: 'playground /connect/',
      measure: (s) =>
        closedLoop(
          multiplyOver(
            createConnectTransport({
              baseUrl: `${playground.url}/connect`,
              httpVersion: '1.1',
              useBinaryFormat: true,
            }),
          ),
          s,
        ),
    },
    {
      transport: 'Connect JSON, HTTP/1.1',
      server: playground,
      name: 'playground /connect/',
      measure: (s) =>
        closedLoop(
          multiplyOver(
            createConnectTransport({ baseUrl: `${playground.url}/connect`, httpVersion: '1.1' }),
          ),
          s,
        ),
    },
    {
      transport: 'JSON-RPC, HTTP/1.1 (autocannon)',
      server: playground,
      name: 'playground /rpc',
      measure: (s) => jsonRpc(playground, s),
    },
  ];
  // A short run of each first: connections open, code warm.
  for (const target of targets) await target.measure(1);
  const runs = await alternate(RUNS * targets.length, targets, async (target) => {
    const run = await target.server.cpuPer(
      () => target.measure(SECONDS),
      (r) => r.total,
    );
    console.log(
      `${target.transport}, ${target.name}: ${fmt(run.perSecond)} calls/s, ` +
        `p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ` +
        `${run.cpuPerMessage.toFixed(1)} µs CPU/call`,
    );
    return run;
  });
  const summary = (target: (typeof targets)[number]) => {
    const all = runs.get(target)!;
    return {
      perSecond: median(all.map((r) => r.perSecond)),
      p50: median(all.map((r) => r.p50)),
      p99: median(all.map((r) => r.p99)),
      cpu: median(all.map((r) => r.cpuPerMessage)),
    };
  };
  const bare = summary(targets[0]!);
  const rows = targets.map((target) => {
    const s = summary(target);
    return [
      target.transport,
      target.name,
      fmt(s.perSecond),
      s.p50.toFixed(2),
      s.p99.toFixed(2),
      s.cpu.toFixed(1),
      ratio(s.perSecond, bare.perSecond),
      `${(bare.cpu / s.cpu).toFixed(2)}×`,
    ];
  });
  writeSection(
    'grpc',
    [
      '## gRPC and Connect Arith.Multiply: playground vs a bare @grpc/grpc-js server, with JSON-RPC',
      '',
      ranAt(),
      `Load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at ` +
        `the end, on ${cpus().length} cores.`,
      '',
      `${CALLS_IN_FLIGHT} calls in flight (gRPC: on one HTTP/2 connection; HTTP/1.1: one ` +
        `connection each); ${RUNS} runs of ${SECONDS} s per target, alternating; medians. ` +
        "Latency in ms. The gRPC and Connect clients are connect-node's, in the benchmark's " +
        'process; JSON-RPC is loaded by autocannon, as in the JSON-RPC section. grpc-js reads ' +
        "and writes messages with the same generated code as the playground. The playground's " +
        'handler applies its time limit (an interceptor), size limits and unknown-field check; ' +
        'its /connect/ and /rpc requests also pass its router and CORS. Server CPU per call ' +
        '(user and system time over the run, divided by the calls answered) is steadier than ' +
        'calls per second on shared cores; both ratios are against grpc-js on gRPC.',
      '',
      table(
        [
          'transport',
          'server',
          'calls/s',
          'p50 ms',
          'p99 ms',
          'server CPU µs/call',
          'calls/s vs grpc-js',
          'capacity (grpc-js CPU / its CPU)',
        ],
        rows,
      ),
    ].join('\n'),
  );
} finally {
  await stopAll(grpcJs, playground);
}
