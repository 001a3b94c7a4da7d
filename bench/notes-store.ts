// The notes API on one instance, with the store REDIS_URL selects:
// without it, the in-memory store (examples/rest/note-store.ts); with
// it, the Redis store (issue 17). Requests per second and CPU per
// request, the playground's and Redis's apart, for a read (GET one
// note) and a write (PUT the same note again), by autocannon from this
// process. The rate limit is raised out of the way: one token makes
// every request, and the bench measures the store, not the 429s.
//
//   node bench/notes-store.ts       (NOTES_SECONDS=10 per run)

import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { startRedis } from '../tests/support/redis.ts';
import { type ServerProcess, startPlayground } from './support/processes.ts';
import { fmt, median, ranAt, ratio, table, writeSection } from './support/results.ts';

const SECONDS = Number(process.env['NOTES_SECONDS'] || 10);
/** Requests in flight at once, one per connection. */
const CONNECTIONS = 20;
const TOKEN = 'bench-notes-store-0123456789';
// One note a connection, within REST_MAX_NOTES_PER_TOKEN (25).
const NOTE = JSON.stringify({ title: 'Bench', body: 'A note read and written over and over.' });

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/**
 * Loads `server` with one request, over and over, from CONNECTIONS
 * clients, each on a note of its own: two writes to one note at once
 * race, and the Redis store answers the loser 412 (its write is a
 * compare-and-set), which is not what this measures. Fails on any
 * non-2xx.
 */
async function load(server: ServerProcess, method: 'GET' | 'PUT'): Promise<Run> {
  const results = await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, i) =>
      autocannon({
        url: `${server.url}/api/notes/bench-${i}`,
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(method === 'PUT' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'PUT' ? { body: NOTE } : {}),
        connections: 1,
        duration: SECONDS,
      }),
    ),
  );
  const failed = results.reduce((sum, r) => sum + r.errors + r.non2xx + r.timeouts, 0);
  if (failed) throw new Error(`${method}: ${failed} errors, non-2xx answers or timeouts`);
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: median(results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    total: results.reduce((sum, r) => sum + r.requests.total, 0),
  };
}

/** Redis's own CPU time so far, user and system, in µs (INFO cpu). */
async function redisCpu(client: Redis) {
  const info = await client.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)![1]);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1e6;
}

/** Waits until the instance's /healthz says it is not degraded. */
async function redisReady(url: string) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { degraded?: boolean };
    if (health.degraded === false) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} is still degraded after 10 s`);
}

const loadAtStart = loadavg()[0]!;
const redis = await startRedis();
const client = new Redis(redis.url);
const rows: (string | number)[][] = [];
const perSecond = new Map<string, number>();
let keysInRedis = 0;
try {
  for (const store of ['memory', 'redis'] as const) {
    const server = await startPlayground({
      REST_RATE_PER_MINUTE: '1000000',
      REST_RATE_BURST: '1000000',
      ...(store === 'redis' ? { REDIS_URL: redis.url } : {}),
    });
    try {
      // An instance answers before its Redis connection is ready; what
      // needs Redis gets 503 until then.
      if (store === 'redis') await redisReady(server.url);
      for (let i = 0; i < CONNECTIONS; i++) {
        const made = await fetch(`${server.url}/api/notes/bench-${i}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: NOTE,
        });
        if (!made.ok) throw new Error(`PUT answered ${made.status}: ${await made.text()}`);
      }
      for (const method of ['GET', 'PUT'] as const) {
        const redisBefore = await redisCpu(client);
        const run = await server.cpuPer(
          () => load(server, method),
          (r) => r.total,
        );
        const redisPer = ((await redisCpu(client)) - redisBefore) / run.total;
        perSecond.set(`${store} ${method}`, run.perSecond);
        console.log(
          `${store}, ${method}: ${fmt(run.perSecond)} req/s, ${run.cpuPerMessage.toFixed(0)} µs CPU a request (+${redisPer.toFixed(0)} in Redis)`,
        );
        rows.push([
          store === 'memory' ? 'in memory' : 'Redis (REDIS_URL)',
          method === 'GET' ? 'GET a note' : 'PUT the note again',
          fmt(run.perSecond),
          run.p50,
          run.p99,
          run.cpuPerMessage.toFixed(0),
          store === 'redis' ? redisPer.toFixed(0) : '–',
        ]);
      }
      if (store === 'redis') keysInRedis = (await client.keys('wirebook:*')).length;
    } finally {
      await server.stop();
    }
  }
  for (const method of ['GET', 'PUT']) {
    rows.push([
      '**Redis / memory**',
      method === 'GET' ? 'GET a note' : 'PUT the note again',
      `**${ratio(perSecond.get(`redis ${method}`)!, perSecond.get(`memory ${method}`)!)}**`,
      '',
      '',
      '',
      '',
    ]);
  }
  // Until the Redis store is in, REDIS_URL moves only chat and
  // presence: say which store the second run measured.
  const which =
    keysInRedis > 0
      ? `With REDIS_URL the notes were in Redis (${keysInRedis} keys under \`wirebook:\` after the runs).`
      : 'With REDIS_URL set, no key was written to Redis: this build keeps notes in memory either way, so both rows measure the in-memory store.';
  writeSection(
    'notes-store',
    [
      '## Notes API on one instance: in-memory store vs Redis store',
      '',
      ranAt(),
      `Load average at the start: ${loadAtStart.toFixed(1)}. autocannon in the benchmark's process, ` +
        `${CONNECTIONS} connections, each reading or writing a note of its own (\`/api/notes/bench-N\`), ` +
        `${SECONDS} s a run, one bearer token (the rate limit raised out of the way); p50 is the ` +
        "median of the connections' p50s, p99 the worst of their p99s. CPU is the playground process's (user + system) " +
        "per request; Redis's (INFO cpu) is apart, on the same machine. " +
        which +
        ' A ratio below 1× means the Redis store serves fewer requests a second.',
      '',
      table(
        [
          'store',
          'request',
          'req/s',
          'p50 ms',
          'p99 ms',
          'playground µs CPU/req',
          'Redis µs CPU/req',
        ],
        rows,
      ),
    ].join('\n'),
  );
} finally {
  client.disconnect();
  await redis.stop();
}
