// The playground in a child process of its own, for tests that measure
// it: run with --expose-gc and an IPC channel. It sends {url, health}
// once listening; asked "measure", it collects garbage until the heap
// settles and answers with heapUsed, the active resources and the
// listener counts of its servers; asked "stop", it drains and exits.

import { getEventListeners } from 'node:events';
import { get } from 'node:http';
import { type Config, DEFAULTS } from '../../../playground-server/config.ts';
import { startServer } from '../../../playground-server/server.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run me with --expose-gc and an IPC channel');

const overrides = JSON.parse(process.env['PLAYGROUND_CONFIG'] ?? '{}') as Partial<Config>;
const running = await startServer({
  ...DEFAULTS,
  host: '127.0.0.1',
  port: 0,
  siteDir: null,
  tcpEchoPort: 0,
  udpEchoPort: 0,
  rpcTcpPort: 0,
  rpcGoPort: 0,
  grpcPort: 0,
  ...overrides,
});

/**
 * GET /healthz on a connection of its own, closed after the answer,
 * so that no keep-alive socket of the measuring itself is counted.
 */
function health() {
  return new Promise<unknown>((resolve, reject) => {
    get(`${running.url}/healthz`, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

/** Collects garbage until heapUsed stops falling. */
async function settledHeap() {
  let last = Infinity;
  for (let round = 0; round < 10; round++) {
    gc!();
    // Let finalizers and closed handles' callbacks run between rounds.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const used = process.memoryUsage().heapUsed;
    if (used >= last * 0.995) return used;
    last = used;
  }
  return last;
}

/** How many of each kind of resource keep the event loop busy. */
function resources() {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The listener counts on the HTTP server, by event. */
function listeners() {
  const { server } = running;
  return Object.fromEntries(
    server.eventNames().map((name) => [String(name), getEventListeners(server, name).length]),
  );
}

process.on('message', async (message: string) => {
  if (message === 'measure') {
    const state = await health();
    process.send!({
      heapUsed: await settledHeap(),
      resources: resources(),
      listeners: listeners(),
      health: state,
    });
  } else if (message === 'stop') {
    await running.close();
    process.disconnect();
  }
});

process.send({ url: running.url, health: await health() });
