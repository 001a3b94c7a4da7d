// Slowloris: many sockets that trickle a request head and never finish
// it, or a body that never ends. The header and request timeouts drop
// them (short ones here, so the test is quick), and everyone else is
// served all along.

import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../support/playground.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

const SLOW = 40;

let server: RunningServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

/** A socket, what it received, and whether the server closed it. */
async function open() {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const state = { received: '', closed: false };
  socket.setEncoding('utf8').on('data', (chunk: string) => (state.received += chunk));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => {});
  return { socket, state };
}

test(`${SLOW} sockets trickling headers are dropped with 408; normal requests are answered meanwhile`, async () => {
  const slow = await Promise.all(Array.from({ length: SLOW }, open));
  for (const { socket } of slow) socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
  // One more header line every 100 ms: always sending, never done.
  let line = 0;
  const trickle = setInterval(() => {
    line++;
    for (const { socket, state } of slow) {
      if (!state.closed) socket.write(`X-Slow-${line}: ${line}\r\n`);
    }
  }, 100);
  try {
    // While they trickle, others get their answers.
    for (let i = 0; i < 10; i++) {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      await health.body?.cancel();
    }
    await expect
      .poll(() => slow.filter(({ state }) => state.closed).length, { timeout: 15_000 })
      .toBe(SLOW);
  } finally {
    clearInterval(trickle);
  }
  for (const { state } of slow) {
    expect(state.received).toMatch(
      /^HTTP\/1.1 408 Request Timeout\r\n[\s\S]*The request did not arrive in time: its head within 1 s, all of it within 2 s\n$/,
    );
  }
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('a socket that connects and says nothing is dropped by the same timeout', async () => {
  const silent = await Promise.all(Array.from({ length: 10 }, open));
  await expect
    .poll(() => silent.every(({ state }) => state.closed), { timeout: 15_000 })
    .toBe(true);
});

test('a body that trickles and never ends is dropped by the request timeout', async () => {
  const { socket, state } = await open();
  socket.write(
    'POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 1000\r\n\r\n{',
  );
  const trickle = setInterval(() => {
    if (!state.closed) socket.write(' ');
  }, 100);
  try {
    await expect.poll(() => state.closed, { timeout: 15_000 }).toBe(true);
  } finally {
    clearInterval(trickle);
  }
  expect(state.received).toMatch(/^HTTP\/1.1 408 /);
});
