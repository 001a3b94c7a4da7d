// Redis stopped and restarted under two running instances: while it is
// away the instances keep serving what does not need it, answer at
// once (never a hang) and say they are degraded; when it is back, on
// the same port, they reconnect by themselves, and the caps and chat
// span both instances again, without a restart of either.

import { afterAll, beforeAll, expect, vi } from 'vitest';
import WebSocket from 'ws';
import { needs } from '../tests/support/needs.ts';
import { startTestServer } from '../tests/support/playground.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import { startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import type { RunningServer } from './server.ts';

/** Nothing may make a client wait for Redis longer than this. */
const PROMPT_MS = 1_000;

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: RunningServer;
let b: RunningServer;
const sockets: WebSocket[] = [];
const logged = vi.spyOn(console, 'error');

beforeAll(async () => {
  if (whyRedisIsMissing()) return;
  redis = await startRedis();
  const config = { redisUrl: redis.url, wsMaxPerClient: 4, pushTickMs: 200 };
  [a, b] = [await startTestServer(config), await startTestServer(config)];
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
  logged.mockRestore();
});

/** Resolves with what `work` gives, failing if it took longer than PROMPT_MS. */
async function promptly<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  expect(performance.now() - started).toBeLessThan(PROMPT_MS);
  return result;
}

async function health(server: RunningServer) {
  const answer = await fetch(`${server.url}/healthz`);
  return { code: answer.status, ...((await answer.json()) as Record<string, unknown>) };
}

/** The first line of a WebSocket handshake's answer on `server`'s `path`. */
async function handshake(server: RunningServer, path = '/ws/echo') {
  const raw = await openRaw(`${server.url.replace('http', 'ws')}${path}`);
  raw.socket.destroy();
  return raw.response.split('\r\n')[0];
}

/** An open /ws/echo on `server`, held until the test ends or it is closed. */
async function echoOn(server: RunningServer) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/echo`);
  sockets.push(ws);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

function echo(ws: WebSocket, text: string) {
  return new Promise<string>((resolve) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.send(text);
  });
}

async function close(ws: WebSocket) {
  ws.close();
  await new Promise((resolve) => ws.once('close', resolve));
}

/** A /ws/push reader on `server` and the chat lines it has been sent. */
async function reader(server: RunningServer) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/push`);
  sockets.push(ws);
  const chats: string[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; text?: string };
    if (message.type === 'chat') chats.push(message.text ?? '');
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { chats, chat: (text: string) => ws.send(JSON.stringify({ type: 'chat', text })) };
}

/** Sends `text` from one reader until the other has it: a subscription may take a moment. */
async function chatReaches(
  from: Awaited<ReturnType<typeof reader>>,
  to: typeof from,
  text: string,
) {
  await expect
    .poll(
      () => {
        from.chat(text);
        return to.chats.includes(text);
      },
      { timeout: 10_000, interval: 250 },
    )
    .toBe(true);
}

const rpc = (server: RunningServer) =>
  promptly(async () => {
    const answer = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'Arith.Multiply',
        params: { A: 6, B: 7 },
        id: 1,
      }),
    });
    return answer.json();
  });

needs(whyRedisIsMissing()).test(
  'Redis stopped: the rest is served at once and the caps count per instance; restarted: all spans both instances again',
  async () => {
    for (const server of [a, b]) {
      await expect.poll(async () => (await health(server)).degraded).toBe(false);
    }
    const ada = await reader(a);
    const bob = await reader(b);
    await chatReaches(ada, bob, 'before the outage');
    // Two places of the address's four are held by the readers; one
    // more on A, then one on B fills the cap for both instances.
    const held = [await echoOn(a)];
    const fourth = await echoOn(b);
    expect(await handshake(a)).toBe('HTTP/1.1 429 Too Many Requests');
    await close(fourth);

    await redis.stop();
    for (const server of [a, b]) {
      await expect
        .poll(() => promptly(() => health(server)), { timeout: 5_000 })
        .toMatchObject({ code: 200, status: 'ok', degraded: true, redis: { up: false } });
    }
    // What does not need Redis works, and nothing waits for it.
    expect(await rpc(a)).toEqual({ jsonrpc: '2.0', result: 42, id: 1 });
    expect(await echo(held[0]!, 'still here')).toBe('still here');
    // The cap fails open to each instance's own count (README, Deployment):
    // A holds two of its own, so two more, then 429.
    expect(await promptly(() => handshake(a))).toBe('HTTP/1.1 101 Switching Protocols');
    held.push(await echoOn(a), await echoOn(a));
    expect(await echo(held[2]!, 'opened while Redis is away')).toBe('opened while Redis is away');
    expect(await promptly(() => handshake(a))).toBe('HTTP/1.1 429 Too Many Requests');
    // B holds one of its own: the address may go over the deployment's
    // cap while Redis is away, never over one instance's.
    held.push(await echoOn(b));
    expect(logged.mock.calls.map(([line]) => String(line))).toContain(
      "caps: Redis is unreachable; the ws caps count this instance's holders only until it is back",
    );

    await redis.restart();
    const back = performance.now();
    for (const server of [a, b]) {
      await expect
        .poll(async () => (await health(server)).degraded, { timeout: 10_000, interval: 100 })
        .toBe(false);
    }
    expect(performance.now() - back).toBeLessThan(5_000);
    // Redis came back empty; each instance wrote its count again, the
    // sockets opened during the outage in it: six held, over the cap.
    await expect.poll(() => handshake(b)).toBe('HTTP/1.1 429 Too Many Requests');
    expect(await handshake(a)).toBe('HTTP/1.1 429 Too Many Requests');
    // Three given back, on both instances: the address is under its cap.
    for (const ws of held.splice(1)) await close(ws);
    await expect.poll(() => handshake(b)).toBe('HTTP/1.1 101 Switching Protocols');
    // Chat spans the instances again: the subscriber resubscribed.
    await chatReaches(ada, bob, 'after the outage');
    await chatReaches(bob, ada, 'and back');
  },
  60_000,
);
