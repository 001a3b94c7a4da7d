import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { needs } from '../../tests/support/needs.ts';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { startRedis, whyRedisIsMissing } from '../../tests/support/redis.ts';
import { upgrade } from './echo-server.ts';
import { createMemoryPubSub, type PubSub } from './pubsub.ts';
import { createPushServer, type PushOptions, parseResume } from './push-server.ts';

interface Pushed {
  type: string;
  seq?: number;
  stream?: string;
  last?: number;
  resume?: number;
  name?: string;
  readers?: number;
  from?: string;
  text?: string;
  code?: string;
  at?: number;
}

/** A ws client that keeps every message /ws/push sends it. */
async function reader(url: string) {
  const ws = new WebSocket(url);
  const inbox: Pushed[] = [];
  ws.on('message', (data) => inbox.push(JSON.parse(String(data)) as Pushed));
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, String(reason)]));
  });
  await new Promise((resolve) => ws.once('open', resolve));
  await expect.poll(() => inbox[0]?.type).toBe('welcome');
  return {
    ws,
    inbox,
    closed,
    name: inbox[0]!.name!,
    /** Resolves with the first message that matches. */
    async seen(wanted: (m: Pushed) => boolean) {
      await expect.poll(() => inbox.some(wanted)).toBe(true);
      return inbox.find(wanted)!;
    },
    /** The last presence this reader was told. */
    presence: () => inbox.findLast((m) => m.type === 'presence')?.readers,
    chat: (text: string) => ws.send(JSON.stringify({ type: 'chat', text })),
  };
}

describe('/ws/push in the playground', () => {
  let server: RunningServer;
  let url: string;
  const open: WebSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      pushTickMs: 50,
      chatMaxChars: 10,
      chatBurst: 2,
      chatPerMinute: 1,
    });
    url = `${server.url.replace('http', 'ws')}/ws/push`;
  });
  afterEach(async () => {
    for (const ws of open.splice(0)) ws.close();
    await expect.poll(() => server.playground.openWebSockets()).toBe(0);
  });
  afterAll(() => server.close());

  const join = async () => {
    const r = await reader(url);
    open.push(r.ws);
    return r;
  };

  test('a reader is welcomed with a name, then told presence, then ticks', async () => {
    const before = Date.now();
    const ada = await join();
    expect(ada.name).toMatch(/^reader-[0-9a-f]{6}$/);
    await ada.seen((m) => m.type === 'tick');
    const kinds = ada.inbox.map((m) => m.type);
    expect(kinds.slice(0, 2)).toEqual(['welcome', 'presence']);
    expect(ada.presence()).toBe(1);
    const tick = ada.inbox.find((m) => m.type === 'tick')!;
    // The server's clock when it ticked: after the reader joined, and by now.
    expect(tick.at).toBeGreaterThanOrEqual(before);
    expect(tick.at).toBeLessThanOrEqual(Date.now());
  });

  test('presence counts readers coming and going', async () => {
    const ada = await join();
    await expect.poll(() => ada.presence()).toBe(1);
    const bob = await join();
    await expect.poll(() => ada.presence()).toBe(2);
    await expect.poll(() => bob.presence()).toBe(2);
    bob.ws.close();
    await expect.poll(() => ada.presence()).toBe(1);
  });

  test('a chat reaches every reader, its sender too, with who said it', async () => {
    const ada = await join();
    const bob = await join();
    ada.chat('  hi Bob ');
    for (const r of [ada, bob]) {
      const chat = await r.seen((m) => m.type === 'chat');
      expect(chat).toEqual({
        type: 'chat',
        from: ada.name,
        text: 'hi Bob',
        at: expect.any(Number),
        seq: expect.any(Number),
      });
    }
  });

  test("a person's mistakes get an error message and the reader stays", async () => {
    const ada = await join();
    ada.chat('   ');
    ada.chat('eleven chars');
    await ada.seen((m) => m.code === 'too-long');
    expect(ada.inbox.filter((m) => m.type === 'error')).toEqual([
      { type: 'error', code: 'empty', message: 'say something first' },
      { type: 'error', code: 'too-long', message: 'at most 10 characters' },
    ]);
    // Two fit in the burst; the third is too fast.
    ada.chat('one');
    ada.chat('two');
    ada.chat('three');
    const tooFast = await ada.seen((m) => m.code === 'too-fast');
    expect(tooFast).toEqual({
      type: 'error',
      code: 'too-fast',
      message: expect.stringMatching(/^slow down: wait \d+ s$/),
    });
    expect(ada.inbox.filter((m) => m.type === 'chat').map((m) => m.text)).toEqual(['one', 'two']);
    expect(ada.ws.readyState).toBe(WebSocket.OPEN);
  });

  test.each([
    ['binary', Buffer.from([1, 2, 3]), [1003, 'chat is JSON, not binary']],
    ['text that is not JSON', 'hello', [1008, 'a chat message must be JSON']],
    [
      'JSON of another shape',
      '{"type":"chat","text":"hi","from":"admin"}',
      [1008, 'send exactly {"type":"chat","text":"…"}'],
    ],
  ] as const)("%s closes that connection, and no one else's", async (_, data, expected) => {
    const bystander = await join();
    const broken = await join();
    broken.ws.send(data);
    expect(await broken.closed).toEqual(expected);
    bystander.chat('still here');
    await bystander.seen((m) => m.text === 'still here');
  });

  test('a message over the size limit is closed with 1009', async () => {
    const r = await join();
    r.ws.send(JSON.stringify({ type: 'chat', text: 'x'.repeat(70_000) }));
    expect((await r.closed)[0]).toBe(1009);
  });
});

describe('two instances sharing one broker', () => {
  const pubsub = createMemoryPubSub();
  const instances: { server: Server; url: string; close(): void }[] = [];
  const clients: WebSocket[] = [];

  /** A push server on its own HTTP server, like a second process. */
  async function instance(shared: PubSub, overrides: Partial<PushOptions> = {}) {
    const push = createPushServer({
      pubsub: shared,
      tickMs: 50,
      maxPayload: 64 * 1024,
      sendQueueBytes: 1024 * 1024,
      replay: 100,
      chat: { maxChars: 280, perMinute: 30, burst: 5 },
      ...overrides,
    });
    const server = createServer();
    server.on('upgrade', (req, socket, head) => upgrade(push.wss, req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const running = {
      server,
      url,
      close() {
        push.close();
        for (const ws of push.wss.clients) ws.terminate();
        server.close();
      },
    };
    instances.push(running);
    return running;
  }

  afterAll(async () => {
    for (const ws of clients) ws.terminate();
    for (const running of instances) running.close();
    await pubsub.close();
  });

  test("readers on different instances see each other and each other's chat", async () => {
    const one = await instance(pubsub);
    const two = await instance(pubsub);
    const ada = await reader(one.url);
    const bob = await reader(two.url);
    clients.push(ada.ws, bob.ws);
    await expect.poll(() => ada.presence()).toBe(2);
    await expect.poll(() => bob.presence()).toBe(2);
    bob.chat('across instances');
    const heard = await ada.seen((m) => m.type === 'chat');
    expect(heard).toMatchObject({ from: bob.name, text: 'across instances' });

    // An instance that goes away takes its readers out of the count.
    two.close();
    await expect.poll(() => ada.presence()).toBe(1);
  });

  test('a reader whose queue is over the bound is closed with 1013', async () => {
    const tiny = await instance(pubsub, { sendQueueBytes: 1 });
    const ws = new WebSocket(tiny.url);
    clients.push(ws);
    const [code, reason] = await new Promise<[number, string]>((resolve) => {
      ws.once('close', (c, r) => resolve([c, String(r)]));
    });
    expect([code, reason]).toEqual([1013, 'too slow: send queue full']);
  });
});

/** Where the numbering lives: settings for the playground, and how to end it. */
interface Store {
  name: string;
  missing: string | null;
  start(): Promise<{ overrides: { redisUrl?: string }; stop(): Promise<void> }>;
}

const stores: Store[] = [
  {
    name: 'in memory',
    missing: null,
    start: async () => ({ overrides: {}, stop: async () => {} }),
  },
  {
    name: 'over Redis',
    missing: whyRedisIsMissing(),
    async start() {
      const redis = await startRedis();
      return { overrides: { redisUrl: redis.url }, stop: redis.stop };
    },
  },
];

/** Resolves once the playground's Redis connections are up, if it has any. */
async function ready(server: RunningServer) {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    if (health.redis === null || health.redis.up) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the playground did not reach its Redis in 5 s');
}

const seqs = (inbox: Pushed[]) => inbox.flatMap((m) => (m.seq === undefined ? [] : [m.seq]));
/** Seqs that follow `after` one by one, with none left out. */
const contiguous = (numbers: number[], after: number) =>
  numbers.every((seq, i) => seq === after + 1 + i);

for (const store of stores) {
  needs(store.missing).describe(`numbered messages and resuming with ?since, ${store.name}`, () => {
    let server: RunningServer;
    let base: string;
    let stop: () => Promise<void>;
    const open: WebSocket[] = [];

    beforeAll(async () => {
      const started = await store.start();
      stop = started.stop;
      server = await startTestServer({ pushTickMs: 30, pushReplay: 20, ...started.overrides });
      await ready(server);
      base = `${server.url.replace('http', 'ws')}/ws/push`;
    });
    afterEach(async () => {
      for (const ws of open.splice(0)) ws.close();
      await expect.poll(() => server.playground.openWebSockets()).toBe(0);
    });
    afterAll(async () => {
      await server.close();
      await stop();
    });

    /** A reader of `base` + `query`, with every message kept. */
    const join = async (query = '') => {
      const r = await reader(`${base}${query}`);
      open.push(r.ws);
      return r;
    };
    test('the welcome names the stream and the last seq; ticks and chat follow it one by one', async () => {
      const ada = await join();
      const welcome = ada.inbox[0]!;
      expect(welcome).toEqual({
        type: 'welcome',
        name: ada.name,
        stream: expect.stringMatching(/^[0-9a-f]{16}$/),
        last: expect.any(Number),
      });
      await ada.seen((m) => m.type === 'tick');
      ada.chat('numbered');
      await ada.seen((m) => m.type === 'chat');
      await expect.poll(() => ada.inbox.filter((m) => m.type === 'tick').length).toBeGreaterThan(3);
      const numbers = seqs(ada.inbox);
      expect(contiguous(numbers, welcome.last!)).toBe(true);
      // Presence, welcome and errors are said to one reader: never numbered.
      expect(ada.inbox.filter((m) => m.type === 'presence' && 'seq' in m)).toEqual([]);
    });

    test('two readers of one instance get the same seq for the same chat', async () => {
      const ada = await join();
      const bob = await join();
      bob.chat('same number');
      const a = await ada.seen((m) => m.text === 'same number');
      const b = await bob.seen((m) => m.text === 'same number');
      expect(a.seq).toBe(b.seq);
    });

    test('a reader back with since gets what it missed, then the live stream, nothing twice', async () => {
      const ada = await join();
      await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(0);
      ada.ws.terminate();
      const got = seqs(ada.inbox).at(-1)!;
      const { stream } = ada.inbox[0]!;
      // A few ticks go by while it is away; the buffer keeps twenty.
      await new Promise((resolve) => setTimeout(resolve, 70));
      const back = await join(`?since=${got}&stream=${stream}`);
      expect(back.inbox[0]).toMatchObject({ type: 'welcome', stream, last: got });
      await expect.poll(() => seqs(back.inbox).length).toBeGreaterThan(4);
      expect(back.inbox.some((m) => m.type === 'gap')).toBe(false);
      expect(contiguous(seqs(back.inbox), got)).toBe(true);
      // since alone is taken as this instance's stream.
      const alone = await join(`?since=${got}`);
      expect(alone.inbox[0]).toMatchObject({ last: got });
      expect(alone.inbox[1]).toMatchObject({ seq: got + 1 });
    });

    test('a since older than the buffer gets a gap first, then what is kept', async () => {
      const ada = await join();
      await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(0);
      const latest = () => seqs(ada.inbox).at(-1)!;
      const since = latest();
      await expect.poll(latest).toBeGreaterThan(since + 25);
      const late = await join(`?since=${since}`);
      const gap = late.inbox[1]!;
      expect(gap).toEqual({
        type: 'gap',
        since,
        resume: expect.any(Number),
        reason: 'expired',
      });
      expect(gap.resume).toBeGreaterThan(since + 1);
      expect(late.inbox[0]).toMatchObject({ type: 'welcome', last: gap.resume! - 1 });
      await expect.poll(() => seqs(late.inbox).length).toBeGreaterThan(20);
      const numbers = seqs(late.inbox);
      expect(numbers[0]).toBe(gap.resume);
      expect(contiguous(numbers, gap.resume! - 1)).toBe(true);
    });

    test.each([
      ['from the future', () => '?since=9007199254740991'],
      [
        'of another stream (another instance, or before a restart)',
        () => '?since=1&stream=00000000000000ff',
      ],
    ])('a since %s is an unknown gap, then the live stream', async (_, query) => {
      const r = await join(query());
      const [welcome, gap] = r.inbox;
      expect(gap).toEqual({
        type: 'gap',
        since: Number(/since=(\d+)/.exec(query())![1]),
        resume: welcome!.last! + 1,
        reason: 'unknown',
      });
      await expect.poll(() => seqs(r.inbox).length).toBeGreaterThan(2);
      expect(contiguous(seqs(r.inbox), welcome!.last!)).toBe(true);
    });

    test.each([
      ['since=abc', 'since must be a whole number from 0 to 9007199254740991'],
      ['since=-1', 'since must be a whole number from 0 to 9007199254740991'],
      ['since=1.5', 'since must be a whole number from 0 to 9007199254740991'],
      ['since=', 'since must be a whole number from 0 to 9007199254740991'],
      ['since=9007199254740992', 'since must be a whole number from 0 to 9007199254740991'],
      ['since=1&stream=XYZ', 'stream must be the 16 hex digits a welcome gave'],
      ['stream=00000000000000ff', 'stream needs since'],
    ])('?%s is closed with 1008 and why, before any welcome', async (query, why) => {
      const ws = new WebSocket(`${base}?${query}`);
      open.push(ws);
      const messages: string[] = [];
      ws.on('message', (data) => messages.push(String(data)));
      const [code, reason] = await new Promise<[number, string]>((resolve) => {
        ws.once('close', (c, r) => resolve([c, String(r)]));
      });
      expect([code, reason]).toEqual([1008, why]);
      expect(messages).toEqual([]);
    });
  });
}

needs(whyRedisIsMissing()).describe('one numbering for two instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const running: RunningServer[] = [];
  const open: WebSocket[] = [];
  const settings = { pushTickMs: 30, pushReplay: 20 };

  /** A playground on the shared Redis, and the URL of its /ws/push. */
  const instance = async () => {
    const server = await startTestServer({ ...settings, redisUrl: redis.url });
    running.push(server);
    await ready(server);
    return { server, push: `${server.url.replace('http', 'ws')}/ws/push` };
  };
  const join = async (url: string) => {
    const r = await reader(url);
    open.push(r.ws);
    return r;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    for (const ws of open.splice(0)) ws.close();
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  afterAll(() => redis.stop());

  test('a reader that drops from A resumes on B: no gap, no duplicate, then live', async () => {
    const a = await instance();
    const b = await instance();
    const ada = await join(a.push);
    await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(2);
    ada.ws.terminate();
    const got = seqs(ada.inbox).at(-1)!;
    const { stream } = ada.inbox[0]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const back = await join(`${b.push}?since=${got}&stream=${stream}`);
    expect(back.inbox[0]).toMatchObject({ type: 'welcome', stream, last: got });
    await expect.poll(() => seqs(back.inbox).length).toBeGreaterThan(8);
    expect(back.inbox.some((m) => m.type === 'gap')).toBe(false);
    expect(contiguous(seqs(back.inbox), got)).toBe(true);
  });

  test('readers of both hear one chat with one seq, and one clock ticks for both', async () => {
    const a = await instance();
    const b = await instance();
    const ada = await join(a.push);
    const bob = await join(b.push);
    expect(bob.inbox[0]!.stream).toBe(ada.inbox[0]!.stream);
    bob.chat('one number');
    const heard = await ada.seen((m) => m.text === 'one number');
    expect((await bob.seen((m) => m.text === 'one number')).seq).toBe(heard.seq);
    // One clock: at most one tick per 30 ms (a late timer only makes
    // fewer), where two would make twice as many.
    const ticks = () => ada.inbox.filter((m) => m.type === 'tick').length;
    const before = ticks();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const elapsed = performance.now() - started;
    expect(ticks() - before).toBeGreaterThan(2);
    expect(ticks() - before).toBeLessThanOrEqual(Math.ceil(elapsed / settings.pushTickMs) + 1);
    expect(contiguous(seqs(ada.inbox), ada.inbox[0]!.last!)).toBe(true);
  });

  test('a reader resumes after its instance restarted, and another instance keeps ticking', async () => {
    const a = await instance();
    const b = await instance();
    const ada = await join(a.push);
    await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(2);
    const bob = await join(b.push);
    await a.server.close();
    expect((await ada.closed)[0]).toBe(1001);
    const got = seqs(ada.inbox).at(-1)!;
    const { stream } = ada.inbox[0]!;
    // B takes the ticker over once A has let it go.
    const heard = seqs(bob.inbox).length;
    await expect.poll(() => seqs(bob.inbox).length).toBeGreaterThan(heard + 3);
    const again = await instance();
    const back = await join(`${again.push}?since=${got}&stream=${stream}`);
    expect(back.inbox[0]).toMatchObject({ type: 'welcome', stream, last: got });
    await expect.poll(() => seqs(back.inbox).at(-1)).toBeGreaterThan(seqs(bob.inbox).at(-1)!);
    expect(back.inbox.some((m) => m.type === 'gap')).toBe(false);
    expect(contiguous(seqs(back.inbox), got)).toBe(true);
  });

  test('ticks published while an instance was not subscribed reach its readers all the same', async () => {
    const a = await instance();
    const ada = await join(a.push);
    await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(2);
    // Cut every subscriber off: ioredis reconnects a little later,
    // and what was published in between never reaches it.
    const admin = new Redis(redis.url);
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    admin.disconnect();
    const cut = seqs(ada.inbox).at(-1)!;
    await expect.poll(() => seqs(ada.inbox).at(-1)).toBeGreaterThan(cut + 10);
    expect(contiguous(seqs(ada.inbox), ada.inbox[0]!.last!)).toBe(true);
  });

  test('a since older than what Redis keeps is an expired gap on the other instance', async () => {
    const a = await instance();
    const b = await instance();
    const ada = await join(a.push);
    await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(0);
    const since = seqs(ada.inbox).at(-1)!;
    await expect.poll(() => seqs(ada.inbox).at(-1)).toBeGreaterThan(since + 25);
    const late = await join(`${b.push}?since=${since}&stream=${ada.inbox[0]!.stream}`);
    const [welcome, gap] = late.inbox;
    expect(gap).toEqual({ type: 'gap', since, resume: expect.any(Number), reason: 'expired' });
    expect(welcome).toMatchObject({ last: gap!.resume! - 1 });
    await expect.poll(() => seqs(late.inbox).length).toBeGreaterThan(20);
    expect(contiguous(seqs(late.inbox), welcome!.last!)).toBe(true);
  });

  test('when Redis loses everything, an old stream is an unknown gap, not its seqs', async () => {
    const a = await instance();
    const ada = await join(a.push);
    await expect.poll(() => seqs(ada.inbox).length).toBeGreaterThan(2);
    const { stream } = ada.inbox[0]!;
    const since = seqs(ada.inbox).at(-1)!;
    const flush = new Redis(redis.url);
    await flush.flushdb();
    flush.disconnect();
    const back = await join(`${a.push}?since=${since}&stream=${stream}`);
    const [welcome, gap] = back.inbox;
    expect(welcome!.stream).not.toBe(stream);
    expect(gap).toEqual({ type: 'gap', since, resume: welcome!.last! + 1, reason: 'unknown' });
    // Readers of the old numbering are told to resume, and get the same.
    const why = 'the numbering of /ws/push started again; resume with since';
    expect(await ada.closed).toEqual([1013, why]);
  });
});

needs(whyRedisIsMissing()).describe('/ws/push with its Redis out of reach', () => {
  test('readers are closed with 1013 and why, newcomers too; the playground serves on', async () => {
    const redis = await startRedis();
    const server = await startTestServer({ pushTickMs: 30, redisUrl: redis.url });
    try {
      await ready(server);
      const push = `${server.url.replace('http', 'ws')}/ws/push`;
      const ada = await reader(push);
      await redis.stop();
      const why = 'the shared state store (Redis) is unreachable; try again in a few seconds';
      expect(await ada.closed).toEqual([1013, why]);
      const late = new WebSocket(push);
      const [code, reason] = await new Promise<[number, string]>((resolve) => {
        late.once('close', (c, r) => resolve([c, String(r)]));
      });
      expect([code, reason]).toEqual([1013, why]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await redis.stop();
    }
  });
});

/** Strings, and whole numbers of every size written as strings. */
const numberish = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 1_000 }).map(String),
  fc.bigInt({ min: 0n, max: 2n ** 60n }).map(String),
);
/** Strings, and stream ids as a welcome gives them. */
const streamish = fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{16}$/));

test('property: any since and stream is a resume point or a reason, never a throw', () => {
  fc.assert(
    fc.property(numberish, fc.option(streamish, { nil: undefined }), (since, stream) => {
      const query = new URLSearchParams({ since, ...(stream === undefined ? {} : { stream }) });
      const read = parseResume(`/ws/push?${query}`);
      if (typeof read === 'string' || read === null) return;
      expect(Number.isSafeInteger(read.since) && read.since >= 0).toBe(true);
      if (read.stream !== null) expect(read.stream).toMatch(/^[0-9a-f]{16}$/);
    }),
  );
});
