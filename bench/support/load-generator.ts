// The load generator: a process of its own (processes.ts starts it),
// driven over IPC, so its WebSocket clients never share an event loop
// with the server they measure. Requests:
//
//   {cmd: 'closed-loop', url, clients, payload, binary, seconds, expect}
//     each client sends `payload`, waits for one message back, sends
//     again, for `seconds` after a one-second warm-up; answers the
//     messages per second and the round-trip percentiles (and the
//     total answered, warm-up included).
//   {cmd: 'open', url, count}       opens and holds `count` clients
//   {cmd: 'fan-out', message, token, timeoutMs}
//     one held client sends `message`; answers how long until every
//     held client has received a message containing `token`.
//   {cmd: 'close'}                  closes every held client

import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** Handshakes in flight at once, so the server's backlog is not overrun. */
const OPENING_AT_ONCE = 200;

interface Request {
  id: number;
  cmd: string;
  [key: string]: unknown;
}

const held: WebSocket[] = [];

/** Opens one client, resolving once it is open. */
function connect(url: string) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`${url} answered ${res.statusCode}`)),
    );
  });
}

/** Opens `count` clients, OPENING_AT_ONCE at a time. */
async function connectMany(url: string, count: number) {
  const sockets: WebSocket[] = [];
  for (let from = 0; from < count; from += OPENING_AT_ONCE) {
    const batch = Math.min(OPENING_AT_ONCE, count - from);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => connect(url)))));
  }
  for (const ws of sockets) ws.on('error', () => {});
  return sockets;
}

/** The value below which `fraction` of the sorted `values` lie. */
function percentile(sorted: ArrayLike<number>, fraction: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function closedLoop(request: Request) {
  const url = request['url'] as string;
  const clients = request['clients'] as number;
  const seconds = request['seconds'] as number;
  const binary = request['binary'] as boolean;
  const expect = request['expect'] as string | number;
  const payload = binary
    ? Buffer.alloc(request['bytes'] as number, 0x61)
    : (request['payload'] as string);
  const sockets = await connectMany(url, clients);
  const latencies: number[] = [];
  let measuring = false;
  let running = true;
  let total = 0;
  let bad = '';
  const started = performance.now();
  await new Promise<void>((resolve) => {
    setTimeout(() => (measuring = true), 1_000);
    setTimeout(
      () => {
        running = false;
        resolve();
      },
      1_000 + seconds * 1_000,
    );
    for (const ws of sockets) {
      let sentAt = 0;
      const send = () => {
        sentAt = performance.now();
        ws.send(payload, { binary });
      };
      ws.on('message', (data: Buffer) => {
        // Every answer is checked: a benchmark of errors is no benchmark.
        const ok =
          typeof expect === 'number' ? data.length === expect : data.toString().includes(expect);
        if (!ok) bad ||= data.toString().slice(0, 200);
        total++;
        if (measuring && running) latencies.push(performance.now() - sentAt);
        if (running) send();
      });
      send();
    }
  });
  const measured = performance.now() - started - 1_000;
  for (const ws of sockets) ws.terminate();
  if (bad) return { error: `unexpected answer: ${bad}` };
  const sorted = Float64Array.from(latencies).sort();
  return {
    messages: latencies.length,
    /** Answers received, warm-up included. */
    total,
    perSecond: latencies.length / (measured / 1_000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

async function open(request: Request) {
  const sockets = await connectMany(request['url'] as string, request['count'] as number);
  held.push(...sockets);
  return { open: held.length };
}

async function fanOut(request: Request) {
  const token = request['token'] as string;
  const timeoutMs = request['timeoutMs'] as number;
  const arrivals: number[] = [];
  const listeners = new Map<WebSocket, (data: Buffer) => void>();
  const started = performance.now();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `only ${arrivals.length} of ${held.length} clients heard the broadcast in ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    for (const ws of held) {
      const listener = (data: Buffer) => {
        if (!data.toString().includes(token)) return;
        arrivals.push(performance.now() - started);
        ws.off('message', listener);
        if (arrivals.length === held.length) {
          clearTimeout(timer);
          resolve();
        }
      };
      listeners.set(ws, listener);
      ws.on('message', listener);
    }
  });
  held[0]!.send(request['message'] as string);
  try {
    await done;
  } finally {
    for (const [ws, listener] of listeners) ws.off('message', listener);
  }
  const sorted = Float64Array.from(arrivals).sort();
  return { first: sorted[0]!, median: percentile(sorted, 0.5), last: sorted[sorted.length - 1]! };
}

async function close() {
  const closing = held.splice(0).map(
    (ws) =>
      new Promise((resolve) => {
        ws.once('close', resolve);
        ws.terminate();
      }),
  );
  await Promise.all(closing);
  return {};
}

function openFiles() {
  const soft = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
  return { openFiles: soft === undefined ? null : Number(soft) };
}

const commands: Record<string, (request: Request) => Promise<object> | object> = {
  'closed-loop': closedLoop,
  open,
  'fan-out': fanOut,
  close,
  'open-files': openFiles,
};

process.on('message', (request: Request) => {
  const command = commands[request.cmd];
  Promise.resolve()
    .then(() => {
      if (!command) throw new Error(`no command ${request.cmd}`);
      return command(request);
    })
    .then(
      (reply) => process.send!({ ...reply, id: request.id }),
      (error: Error) => process.send!({ id: request.id, error: error.message }),
    );
});
process.on('disconnect', () => process.exit(0));
