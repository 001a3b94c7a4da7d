// The WebSocket part's mount: every endpoint it serves is pinged by
// the heartbeat and held to the per-address cap.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer } from '../../tests/support/playground.ts';
import { openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import type { RunningServer } from '../server.ts';

let server: RunningServer;
let ws: string;

const ENDPOINTS = [
  '/ws/echo', '/ws/push', '/ws/close-report', '/ws/stream-echo', '/ws/slow-reader',
];

beforeAll(async () => {
  server = await startTestServer({ wsHeartbeatMs: 100, wsMaxPerClient: 1 });
  ws = server.url.replace('http', 'ws');
});
afterAll(() => server.close());

test.each(ENDPOINTS)('%s pings a silent peer and then cuts it off', async (path) => {
  const raw = await openRaw(`${ws}${path}`);
  expect(raw.response).toMatch(/^HTTP\/1.1 101/);
  await new Promise((resolve) => raw.socket.once('close', resolve));
  const opcodes = serverFrames(raw.received()).map((f) => f.opcode);
  expect(opcodes).toContain(0x9);
  expect(opcodes).not.toContain(0x8);
});

test.each(ENDPOINTS)('%s counts against the per-address cap', async (path) => {
  const first = await openRaw(`${ws}/ws/echo`);
  expect(first.response).toMatch(/^HTTP\/1.1 101/);
  const second = await openRaw(`${ws}${path}`);
  expect(second.response).toMatch(/^HTTP\/1.1 429/);
  first.socket.destroy();
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
