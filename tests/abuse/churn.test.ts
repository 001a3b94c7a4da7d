// 10,000 connections opened and closed, over WebSocket and over TCP:
// afterwards the playground holds what it held before. Memory is
// heapUsed after garbage collection, in a child process of its own
// (run with --expose-gc), within 10% of where it started; the active
// handles and timers, and the HTTP server's listeners, are the same
// as before. A warm-up first fills the caches and pools that any
// server grows once (JIT code, the ws module's buffers).

import { type ChildProcess, fork } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';

interface Measure {
  heapUsed: number;
  resources: Record<string, number>;
  listeners: Record<string, number>;
  health: { websockets: number; sockets: { tcpEcho: { port: number; connections: number } } };
}

const CYCLES = 10_000;
/** Connections open at once, well under every cap. */
const PARALLEL = 8;

let child: ChildProcess;
let url: string;
let tcpPort: number;

/** Asks the child for a message and waits for its answer. */
function ask<T>(message: string) {
  return new Promise<T>((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

beforeAll(async () => {
  child = fork(fileURLToPath(new URL('./support/measured-playground.ts', import.meta.url)), {
    execArgv: ['--expose-gc'],
    env: { ...process.env, PLAYGROUND_CONFIG: JSON.stringify({ wsMaxPerClient: 32 }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; health: Measure['health'] }>((resolve) =>
    child.once('message', (message) => resolve(message as never)),
  );
  url = ready.url;
  tcpPort = ready.health.sockets.tcpEcho.port;
});
afterAll(async () => {
  if (child.connected) {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});

/** Runs `cycle` `count` times, PARALLEL at a time. */
async function churn(count: number, cycle: () => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next++ < count) await cycle();
    }),
  );
}

/** Opens a WebSocket, has one message echoed, closes it. */
function webSocketCycle() {
  return new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/echo`);
    ws.once('open', () => ws.send('ping'));
    ws.once('message', () => ws.close());
    ws.once('close', () => resolve());
    ws.once('error', reject);
  });
}

/** Opens a TCP connection to the echo port, has a line echoed, closes it. */
function tcpCycle() {
  return new Promise<void>((resolve, reject) => {
    const socket = connect(tcpPort, '127.0.0.1', () => socket.write('ping\n'));
    socket.once('data', () => socket.end());
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

/** The child's state once every connection it served is gone. */
async function settled() {
  await expect
    .poll(async () => {
      const { health } = await ask<Measure>('measure');
      return [health.websockets, health.sockets.tcpEcho.connections];
    })
    .toEqual([0, 0]);
  return ask<Measure>('measure');
}

test.each([
  ['WebSocket', webSocketCycle],
  ['TCP', tcpCycle],
])(
  `${CYCLES.toLocaleString('en')} %s connect/disconnect cycles leave memory, handles, timers and listeners where they were`,
  async (_, cycle) => {
    await churn(500, cycle);
    const before = await settled();
    await churn(CYCLES, cycle);
    const after = await settled();
    expect(after.resources).toEqual(before.resources);
    expect(after.listeners).toEqual(before.listeners);
    const growth = (after.heapUsed - before.heapUsed) / before.heapUsed;
    expect(growth, `heapUsed ${before.heapUsed} → ${after.heapUsed}`).toBeLessThan(0.1);
  },
  180_000,
);
