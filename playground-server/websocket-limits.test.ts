import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect as connectTcp } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { needs } from '../tests/support/needs.ts';
import { startTestServer } from '../tests/support/playground.ts';
import { startPlaygroundProcess } from '../tests/support/playground-process.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import { busyRedis, startRedis, whyRedisIsMissing } from '../tests/support/redis.ts';
import type { RunningServer } from './server.ts';
import { connectSharedRedis } from './shared-redis.ts';
import { createWebSocketLimits } from './websocket-limits.ts';

/** Opens a ws client and waits until it is open. */
async function connect(url: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** Sends `text` and resolves with the echo. */
function echo(ws: WebSocket, text: string) {
  return new Promise<string>((resolve) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.send(text);
  });
}

/** Resolves with the code and reason `ws` was closed with. */
function closed(ws: WebSocket) {
  return new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, String(reason)]));
  });
}

/**
 * The limits on every endpoint of one playground: its caps counted in
 * its memory, or in the Redis at `redisUrl()` (the same answers).
 */
function everyEndpoint(redisUrl: () => string | null) {
  let server: RunningServer;
  let echoUrl: string;

  beforeAll(async () => {
    server = await startTestServer({
      wsMaxPerClient: 4,
      wsMessageBurst: 20,
      wsMessagesPerSecond: 10,
      redisUrl: redisUrl(),
    });
    echoUrl = `${server.url.replace('http', 'ws')}/ws/echo`;
  });
  afterAll(() => server.close());

  test('a flood of sockets from one address: the cap holds, and the earlier ones keep working', async () => {
    const first = await Promise.all([1, 2, 3, 4].map(() => connect(echoUrl)));
    const flood = await Promise.all(Array.from({ length: 20 }, () => openRaw(echoUrl)));
    for (const raw of flood) {
      expect(raw.response).toMatch(/^HTTP\/1.1 429 Too Many Requests/);
      await raw.close;
      expect(raw.received().toString()).toBe(
        'This address already has 4 WebSockets open here, the most it may; ' +
          'close one and try again\n',
      );
    }
    expect(await Promise.all(first.map((ws, i) => echo(ws, `still ${i}`)))).toEqual([
      'still 0',
      'still 1',
      'still 2',
      'still 3',
    ]);
    expect(server.playground.openWebSockets()).toBe(4);

    // Closing one frees a place for the next.
    const leaving = first.pop()!;
    leaving.close();
    await closed(leaving);
    const next = await connect(echoUrl);
    expect(await echo(next, 'my turn')).toBe('my turn');
    for (const ws of [...first, next]) ws.close();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });

  test('/ws/raw-echo, from scratch, counts against the same cap as the ws endpoints', async () => {
    const rawEchoUrl = `${server.url.replace('http', 'ws')}/ws/raw-echo`;
    const held = await Promise.all([
      connect(echoUrl),
      connect(echoUrl),
      connect(rawEchoUrl),
      connect(rawEchoUrl),
    ]);
    const refused = await openRaw(rawEchoUrl);
    expect(refused.response).toMatch(/^HTTP\/1.1 429 Too Many Requests/);
    await refused.close;
    expect(refused.received().toString()).toMatch(/^This address already has 4 WebSockets open/);
    const alsoRefused = await openRaw(echoUrl);
    expect(alsoRefused.response).toMatch(/^HTTP\/1.1 429 Too Many Requests/);
    await alsoRefused.close;
    // A raw-echo connection closing frees a place for either kind.
    const leaving = held.pop()!;
    leaving.close();
    await closed(leaving);
    const next = await connect(rawEchoUrl);
    expect(await echo(next, 'my turn')).toBe('my turn');
    for (const ws of [...held, next]) ws.close();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });

  test('a handshake cut off halfway gives its place back', async () => {
    const cut = await Promise.all([1, 2, 3, 4].map(() => openRaw(echoUrl)));
    for (const raw of cut) raw.socket.resetAndDestroy();
    await expect
      .poll(async () => {
        const raw = await openRaw(echoUrl);
        raw.socket.destroy();
        return raw.response.split('\r\n')[0];
      })
      .toBe('HTTP/1.1 101 Switching Protocols');
  });

  // /ws/raw-echo is no ws server: app.ts watches it all the same.
  test.each(['/ws/echo', '/ws/raw-echo'])(
    'a flood of messages on %s closes that connection with 1008; another client still gets its echo',
    async (path) => {
      const bystander = await connect(echoUrl);
      const flooder = await connect(`${server.url.replace('http', 'ws')}${path}`);
      let echoed = 0;
      flooder.on('message', () => echoed++);
      const flooderClosed = closed(flooder);
      for (let i = 0; i < 1000; i++) flooder.send(`message ${i}`);
      expect(await flooderClosed).toEqual([1008, 'too many messages: at most 10 a second']);
      // The burst was echoed; nothing after the limit was.
      expect(echoed).toBeGreaterThanOrEqual(20);
      expect(echoed).toBeLessThan(1000);
      expect(await echo(bystander, 'unbothered')).toBe('unbothered');
      bystander.close();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
    },
  );
}

describe('in the playground, on every endpoint', () => everyEndpoint(() => null));

needs(whyRedisIsMissing()).describe(
  'in the playground, on every endpoint, the cap counted in Redis (REDIS_URL)',
  () => {
    let redis: Awaited<ReturnType<typeof startRedis>>;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => redis?.stop());
    everyEndpoint(() => redis.url);
  },
);

describe('the message rate, on a clock the test moves', () => {
  let time = 0;
  let url: string;
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => {
    ws.on('message', (data) => ws.send(data));
  });

  beforeAll(async () => {
    const limits = createWebSocketLimits(
      { wsMaxPerClient: 10, wsMessageBurst: 5, wsMessagesPerSecond: 2 },
      () => time,
    );
    limits.watch(wss);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => http.close(resolve));
  });

  test('a burst, then the sustained rate, is served; one more is closed', async () => {
    const ws = await connect(url);
    for (let i = 0; i < 5; i++) expect(await echo(ws, `burst ${i}`)).toBe(`burst ${i}`);
    // Two seconds at two a second buys four more messages.
    time += 2_000;
    for (let i = 0; i < 4; i++) expect(await echo(ws, `steady ${i}`)).toBe(`steady ${i}`);
    const why = closed(ws);
    ws.send('one too many');
    expect(await why).toEqual([1008, 'too many messages: at most 2 a second']);
  });
});

describe('idle connections', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ wsIdleTimeoutMs: 300 });
  });
  afterAll(() => server.close());

  test.each(['/ws/echo', '/ws/raw-echo', '/ws/rpc'])(
    '%s closes a connection over which nothing passes with 1000',
    async (path) => {
      const ws = await connect(`${server.url.replace('http', 'ws')}${path}`);
      expect(await closed(ws)).toEqual([1000, 'idle for 0.3 s']);
    },
  );

  test('a connection in use is not idle, however long it lasts', async () => {
    // A timeout ten times the pause between echoes, so that a busy
    // machine's stalls cannot make the connection look idle.
    const busy = await startTestServer({ wsIdleTimeoutMs: 1_000 });
    try {
      const ws = await connect(`${busy.url.replace('http', 'ws')}/ws/echo`);
      const why = closed(ws);
      // 25 echoes, 100 ms apart: over twice the idle timeout in all.
      for (let i = 0; i < 25; i++) {
        expect(await echo(ws, `still here ${i}`)).toBe(`still here ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ws.readyState).toBe(ws.OPEN);
      expect(await why).toEqual([1000, 'idle for 1 s']);
    } finally {
      await busy.close();
    }
  });

  test('the server pushing to a reader keeps the connection in use', async () => {
    const push = await startTestServer({ wsIdleTimeoutMs: 300, pushTickMs: 50 });
    try {
      const ws = await connect(`${push.url.replace('http', 'ws')}/ws/push`);
      let ticks = 0;
      ws.on('message', (data) => {
        if (String(data).includes('"tick"')) ticks++;
      });
      await expect.poll(() => ticks).toBeGreaterThanOrEqual(15);
      expect(ws.readyState).toBe(ws.OPEN);
      ws.close();
    } finally {
      await push.close();
    }
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ wsMaxPerClient: 2, trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => server.close());

  const as = (client: string) =>
    openRaw(`${server.url.replace('http', 'ws')}/ws/echo`, { 'X-Forwarded-For': client });

  test("each forwarded client has its own cap; the proxy's address has none of its own", async () => {
    const ada = await Promise.all([as('203.0.113.1'), as('203.0.113.1')]);
    const bob = await Promise.all([as('203.0.113.2'), as('203.0.113.2')]);
    for (const raw of [...ada, ...bob]) expect(raw.response).toMatch(/^HTTP\/1.1 101/);
    const full =
      'This address already has 2 WebSockets open here, the most it may; close one and try again\n';
    const third = await as('203.0.113.1');
    expect(third.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
    await third.close;
    expect(third.received().toString()).toBe(full);
    // A client cannot dodge its cap by claiming another address in
    // front of the one the proxy saw.
    const spoofed = await as('198.51.100.7, 203.0.113.2');
    expect(spoofed.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
    await spoofed.close;
    expect(spoofed.received().toString()).toBe(full);
    for (const raw of [...ada, ...bob]) raw.socket.destroy();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });
});

needs(whyRedisIsMissing()).describe('across two instances on one Redis (REDIS_URL)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: RunningServer;
  let b: RunningServer;
  const full =
    'This address already has 3 WebSockets open here, the most it may; close one and try again\n';
  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ redisUrl: redis.url, wsMaxPerClient: 3 });
    b = await startTestServer({ redisUrl: redis.url, wsMaxPerClient: 3 });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });
  const echoOn = (server: RunningServer) => `${server.url.replace('http', 'ws')}/ws/echo`;

  test('the cap counts the sockets an address holds on every instance', async () => {
    const held = [await connect(echoOn(a)), await connect(echoOn(b)), await connect(echoOn(a))];
    for (const server of [a, b]) {
      const refused = await openRaw(echoOn(server));
      expect(refused.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
      await refused.close;
      expect(refused.received().toString()).toBe(full);
    }
    // A socket closed on one instance frees a place on the other.
    const leaving = held.shift()!;
    leaving.close();
    await closed(leaving);
    await expect
      .poll(async () => {
        const raw = await openRaw(echoOn(b));
        raw.socket.destroy();
        return raw.response.split('\r\n')[0];
      })
      .toBe('HTTP/1.1 101 Switching Protocols');
    for (const ws of held) ws.close();
    await expect.poll(() => a.playground.openWebSockets() + b.playground.openWebSockets()).toBe(0);
  });

  test('the sockets of an instance killed without a word stop counting once its counts expire', async () => {
    const doomed = startPlaygroundProcess({ REDIS_URL: redis.url, WS_MAX_PER_CLIENT: '3' });
    try {
      const doomedEcho = `${(await doomed.url).replace('http', 'ws')}/ws/echo`;
      await Promise.all([1, 2, 3].map(() => connect(doomedEcho)));
      const refused = await openRaw(echoOn(a));
      expect(refused.response.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
      refused.socket.destroy();
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      // No release was sent: the places come free when the dead
      // instance's counts expire (10 s after its last refresh).
      const killed = performance.now();
      await expect
        .poll(
          async () => {
            const raw = await openRaw(echoOn(a));
            raw.socket.destroy();
            return raw.response.split('\r\n')[0];
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe('HTTP/1.1 101 Switching Protocols');
      expect(performance.now() - killed).toBeGreaterThan(5_000);
    } finally {
      doomed.child.kill('SIGKILL');
    }
  }, 30_000);

  test('a handshake cut off while Redis is asked gives its place back', async () => {
    // Redis busy for a second: every upgrade waits for its answer.
    const busy = await busyRedis(redis.url, 1_000);
    const cut = Array.from({ length: 6 }, (_, i) => hangUpMidHandshake(echoOn(i % 2 ? a : b)));
    await Promise.all(cut);
    await busy.done;
    // Every place is free again: the cap's three, on either instance.
    await expect
      .poll(async () => {
        const raws = await Promise.all([a, b, a].map((server) => openRaw(echoOn(server))));
        for (const raw of raws) raw.socket.destroy();
        return raws.map((raw) => raw.response.split('\r\n')[0]);
      })
      .toEqual(Array(3).fill('HTTP/1.1 101 Switching Protocols'));
  });
});

needs(whyRedisIsMissing()).test(
  'a socket destroyed while Redis is asked is not let through, and its place is given back',
  async () => {
    const redis = await startRedis();
    const shared = connectSharedRedis(redis.url)!;
    const limits = createWebSocketLimits(
      { wsMaxPerClient: 1, wsMessageBurst: 5, wsMessagesPerSecond: 2 },
      () => 0,
      shared,
    );
    try {
      await once(shared.commands, 'ready');
      const req = { socket: { remoteAddress: '203.0.113.9' }, headers: {} } as IncomingMessage;
      const socket = new PassThrough();
      const busy = await busyRedis(redis.url, 300);
      const admitted = limits.admit(req, socket);
      socket.destroy();
      await once(socket, 'close');
      expect(await admitted).toBe(false);
      await busy.done;
      expect(limits.socketsOf('203.0.113.9')).toBe(0);
      // And the one place is free in Redis too.
      const next = new PassThrough();
      expect(await limits.admit(req, next)).toBe(true);
      expect(limits.socketsOf('203.0.113.9')).toBe(1);
    } finally {
      await limits.close();
      await shared.close();
      await redis.stop();
    }
  },
);

/** Sends a WebSocket handshake to `url` and hangs up 100 ms later, unanswered. */
async function hangUpMidHandshake(url: string) {
  const { hostname, port, pathname } = new URL(url);
  const socket = connectTcp(Number(port), hostname);
  socket.on('error', () => {});
  socket.write(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  let answered = false;
  socket.once('data', () => (answered = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
  // Redis was busy: the instance cannot have answered yet.
  expect(answered).toBe(false);
}
