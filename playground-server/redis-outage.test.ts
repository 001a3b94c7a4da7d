// Redis stopped and restarted under two running instances: while it is
// away the instances keep serving what does not need it, answer what
// does with 503 or 1013 saying why, answer at once (never a hang) and
// say they are degraded; when it is back, on the same port, they
// reconnect by themselves, and notes, the caps and chat span both
// instances again, without a restart of either.

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
  const body = (await answer.json()) as { status: string; degraded: boolean; redis: unknown };
  return { code: answer.status, ...body };
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

/** A /ws/push reader on `server`, the chat lines it has been sent, and its close. */
async function reader(server: RunningServer) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/push`);
  sockets.push(ws);
  const chats: string[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; text?: string };
    if (message.type === 'chat') chats.push(message.text ?? '');
  });
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, String(reason)]));
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    chats,
    closed,
    chat: (text: string) => ws.send(JSON.stringify({ type: 'chat', text })),
  };
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

const token = crypto.randomUUID();

/** Creates a note through `server`: its status, Retry-After and body. */
const createNote = (server: RunningServer, title: string) =>
  promptly(async () => {
    const answer = await fetch(`${server.url}/api/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, body: 'written through one instance' }),
    });
    return {
      status: answer.status,
      retryAfter: answer.headers.get('retry-after'),
      body: await answer.json(),
    };
  });

const readNote = async (server: RunningServer, location: string) => {
  const answer = await fetch(new URL(location, `${server.url}/api/`), {
    headers: { authorization: `Bearer ${token}` },
  });
  return [answer.status, ((await answer.json()) as { title?: string }).title];
};

const unreachable = 'the shared state store (Redis) is unreachable; try again in a few seconds';

needs(whyRedisIsMissing()).test(
  'Redis stopped: what needs it gets 503 or 1013 at once, the rest is served, the caps count per instance; restarted: all spans both instances again',
  async () => {
    for (const server of [a, b]) {
      await expect.poll(async () => (await health(server)).degraded).toBe(false);
    }
    const ada = await reader(a);
    const bob = await reader(b);
    await chatReaches(ada, bob, 'before the outage');
    // The readers hold two places of the address's four; one echo on
    // each instance fills the cap for both.
    const held = [await echoOn(a), await echoOn(b)];
    expect(await handshake(a)).toBe('HTTP/1.1 429 Too Many Requests');

    await redis.stop();
    for (const server of [a, b]) {
      await expect
        .poll(() => promptly(() => health(server)), { timeout: 5_000 })
        .toMatchObject({ code: 200, status: 'ok', degraded: true, redis: { up: false } });
    }
    // What needs Redis says so, at once: a note, a close report's
    // handshake, and the push readers (closed to come back later).
    expect(await createNote(a, 'during the outage')).toEqual({
      status: 503,
      retryAfter: '5',
      body: { error: unreachable },
    });
    expect(await promptly(() => handshake(b, '/ws/close-report'))).toBe(
      'HTTP/1.1 503 Service Unavailable',
    );
    expect(await ada.closed).toEqual([1013, unreachable]);
    expect(await bob.closed).toEqual([1013, unreachable]);
    // What does not need Redis works.
    expect(await rpc(a)).toEqual({ jsonrpc: '2.0', result: 42, id: 1 });
    expect(await echo(held[0]!, 'still here')).toBe('still here');
    // The cap fails open to each instance's own count (README): A
    // holds one of its own now, so three more, then 429.
    expect(await promptly(() => handshake(a))).toBe('HTTP/1.1 101 Switching Protocols');
    held.push(await echoOn(a), await echoOn(a), await echoOn(a));
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
    for (const ws of held.splice(3)) await close(ws);
    await expect.poll(() => handshake(b)).toBe('HTTP/1.1 101 Switching Protocols');
    for (const ws of held.splice(0)) await close(ws);
    // Notes work again across instances (Redis came back empty: a
    // deployment that must keep them gives Redis persistence).
    const made = await createNote(a, 'after the outage');
    expect(made.status).toBe(201);
    expect(await readNote(b, `notes/${(made.body as { id: string }).id}`)).toEqual([
      200,
      'after the outage',
    ]);
    // Chat spans the instances again, for readers who came back.
    const cyd = await reader(a);
    const dee = await reader(b);
    await chatReaches(cyd, dee, 'after the outage');
    await chatReaches(dee, cyd, 'and back');
  },
  60_000,
);
