// The WebSocket part's mount: every endpoint it serves is pinged by
// the heartbeat and held to the per-address cap.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../../tests/support/playground.ts';
import { openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
import type { RunningServer } from '../server.ts';

const ENDPOINTS = [
  '/ws/echo',
  '/ws/push',
  '/ws/close-report',
  '/ws/stream-echo',
  '/ws/slow-reader',
  '/ws/echo-deflate',
  // Written from scratch, not with ws: held to the same heartbeat and cap.
  '/ws/raw-echo',
  // Counts to 100 over 10 s before it drops: time enough to be cut off.
  '/ws/flaky?after=100',
  // Open to anyone until the first message (authentication.mdx).
  '/ws/auth/first-message',
];

describe('with a heartbeat every 100 ms', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ wsHeartbeatMs: 100 });
  });
  afterAll(() => server.close());

  test.each(ENDPOINTS)('%s pings a silent peer and then cuts it off', async (path) => {
    const raw = await openRaw(`${server.url.replace('http', 'ws')}${path}`);
    expect(raw.response).toMatch(/^HTTP\/1.1 101/);
    await new Promise((resolve) => raw.socket.once('close', resolve));
    const opcodes = serverFrames(raw.received()).map((f) => f.opcode);
    expect(opcodes).toContain(0x9);
    expect(opcodes).not.toContain(0x8);
  });

  test('/ws/raw-echo keeps a peer that answers every ping', async () => {
    // ws answers pings by itself, as browsers do.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/raw-echo`);
    let pings = 0;
    ws.on('ping', () => pings++);
    await new Promise((resolve) => ws.once('open', resolve));
    await expect.poll(() => pings, { timeout: 2_000 }).toBeGreaterThanOrEqual(5);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const echoed = new Promise((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('still here');
    expect(await echoed).toBe('still here');
    ws.close();
  });
});

describe('with one WebSocket per address', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ wsMaxPerClient: 1 });
  });
  afterAll(() => server.close());

  test.each(ENDPOINTS)('%s counts against the cap', async (path) => {
    const ws = server.url.replace('http', 'ws');
    const first = await openRaw(`${ws}/ws/echo`);
    expect(first.response).toMatch(/^HTTP\/1.1 101/);
    const second = await openRaw(`${ws}${path}`);
    expect(second.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
    await second.close;
    expect(second.received().toString()).toBe(
      'This address already has 1 WebSockets open here, the most it may; close one and try again\n',
    );
    first.socket.destroy();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });

  test.each(['/ws/auth/ticket', '/ws/auth/cookie'])(
    '%s counts against the cap before it looks for a credential',
    async (path) => {
      const ws = server.url.replace('http', 'ws');
      const first = await openRaw(`${ws}/ws/echo`);
      const second = await openRaw(`${ws}${path}`);
      expect(second.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
      first.socket.destroy();
      await expect.poll(() => server.playground.openWebSockets()).toBe(0);
      const alone = await openRaw(`${ws}${path}`);
      expect(alone.response.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
      await alone.close;
    },
  );
});
