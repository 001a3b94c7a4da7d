// The runs of the "Why WebSocket" comparison (examples/websocket/why-runs.ts)
// shared through Redis: a run started through one instance is
// followed, and reported on, through any.
//
// The instance that starts a run makes its events, as in memory, and
// writes each to Redis (a list per run) and to the run's pub/sub
// channel. Another instance asked for the run keeps a copy: it reads
// the list, then follows the channel, and reads the list again on
// each message and every second (a message published before its
// subscription took effect is not lost, only late), so its waiting
// requests are woken as the starter's are. A run whose starter died
// is over 5 s after its planned end.
//
// Each instance counts the requests it holds with its own meters;
// when a request ends, its count is added to the run's totals in
// Redis, and a report adds what is still open here. WHY_MAX_RUNS
// counts the runs going in the whole deployment (a sorted set by
// planned end). The one-open-request-per-transport rule is kept by
// each instance for its own requests.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  KEEP_MS,
  later,
  type Meter,
  makeEvents,
  newRun,
  type Run,
  type Runs,
  runErrors,
  secondsOf,
  TRANSPORTS,
  type Transport,
  type WhyEvent,
} from '../../examples/websocket/why-runs.ts';
import { type WireCount, WireMeter } from '../../examples/websocket/wire-meter.ts';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';

/** A starter that went away: its run is over this long after its end. */
const ORPHAN_MS = 5_000;
/** How often a copy reads the list again while the run goes on. */
const RECHECK_MS = 1_000;
/** Run ids are UUIDs: anything else is unknown without asking Redis. */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// KEYS: running. ARGV: now, max, id, endsAt. 1 when started, 0 when full.
const ADMIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
redis.call('PEXPIRE', KEYS[1], math.ceil(last - ARGV[1]))
return 1
`;

type RunCommands = SharedRedis['commands'] & {
  whyAdmit(...keysThenArgs: (string | number)[]): Promise<0 | 1>;
};

/** Runs shared by every instance on one Redis. */
export class RedisRuns implements Runs {
  readonly #redis: SharedRedis;
  readonly #maxRuns: number;
  readonly #timers = new Set<NodeJS.Timeout>();
  /** Runs started here, and copies of others', by id. */
  readonly #runs = new Map<string, Promise<Run>>();

  constructor(redis: SharedRedis, options: { maxRuns: number }) {
    this.#redis = redis;
    this.#maxRuns = options.maxRuns;
    if (!('whyAdmit' in redis.commands)) {
      redis.commands.defineCommand('whyAdmit', { numberOfKeys: 1, lua: ADMIT });
    }
  }

  async start(raw: string) {
    const seconds = secondsOf(raw);
    const id = randomUUID();
    const now = Date.now();
    const endsAt = now + seconds * 1000;
    const keep = seconds * 1000 + KEEP_MS;
    await viaRedis(this.#redis, async (commands) => {
      const admitted = await (commands as RunCommands).whyAdmit(
        'why:running',
        now,
        this.#maxRuns,
        id,
        endsAt,
      );
      if (admitted === 0) throw runErrors.tooMany(this.#maxRuns);
      await commands
        .multi()
        .hset(keys(id).meta, { endsAt, done: 0 })
        .pexpire(keys(id).meta, keep)
        .exec();
    });
    const run = newRun((t) => new SharedMeter(this.#redis, id, t));
    this.#runs.set(id, Promise.resolve(run));
    // Every event, and the end, goes to Redis for the other instances.
    let written = 0;
    const publish = () => {
      const events = run.events.slice(written);
      written = run.events.length;
      this.#write(id, events, run.done, keep).catch(() => {});
    };
    run.waiting.add(publish);
    makeEvents(run, seconds * 1000, this.#timers, () => {
      later(this.#timers, KEEP_MS, () => this.#runs.delete(id));
    });
    return { id, seconds };
  }

  async get(id: string) {
    if (!RUN_ID.test(id)) throw runErrors.noSuchRun();
    let run = this.#runs.get(id);
    if (!run) {
      run = this.#follow(id);
      this.#runs.set(id, run);
      run.catch(() => this.#runs.delete(id));
    }
    return run;
  }

  async wire(id: string) {
    const run = await this.get(id);
    const settled = await viaRedis(this.#redis, (commands) => commands.hgetall(keys(id).wire));
    return Object.fromEntries(
      TRANSPORTS.map((t) => {
        const here = run.meters[t].total();
        const count = (field: keyof WireCount) =>
          here[field] + Number(settled[`${t}:${field}`] ?? 0);
        return [
          t,
          { requests: count('requests'), bytesIn: count('bytesIn'), bytesOut: count('bytesOut') },
        ];
      }),
    ) as Record<Transport, WireCount>;
  }

  close() {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #write(id: string, events: WhyEvent[], done: boolean, keep: number) {
    const { events: list, meta } = keys(id);
    await viaRedis(this.#redis, async (commands) => {
      const step = commands.multi();
      if (events.length > 0) {
        step.rpush(list, ...events.map((event) => JSON.stringify(event))).pexpire(list, keep);
      }
      if (done) step.hset(meta, 'done', 1).pexpire(meta, KEEP_MS).pexpire(list, KEEP_MS);
      await step.exec();
    });
    this.#redis.pubsub.publish(channel(id), done ? 'done' : 'event');
  }

  /** A copy of a run started elsewhere, kept up to date. */
  async #follow(id: string): Promise<Run> {
    const run = newRun((t) => new SharedMeter(this.#redis, id, t));
    let reading = false;
    let again = false;
    const read = async () => {
      const { events, meta } = keys(id);
      const [news, state] = await viaRedis(this.#redis, (commands) =>
        Promise.all([commands.lrange(events, run.events.length, -1), commands.hgetall(meta)]),
      );
      if (state['endsAt'] === undefined) throw runErrors.noSuchRun();
      for (const raw of news) run.events.push(JSON.parse(raw) as WhyEvent);
      const orphaned = Date.now() > Number(state['endsAt']) + ORPHAN_MS;
      run.done = state['done'] === '1' || orphaned;
      if (news.length > 0 || run.done) for (const wake of [...run.waiting]) wake();
    };
    // One read at a time; a request for another during one runs after.
    const refresh = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      read()
        .catch(() => {})
        .finally(() => {
          reading = false;
          if (again && !run.done) {
            again = false;
            refresh();
          }
        });
    };
    const unsubscribe = this.#redis.pubsub.subscribe(channel(id), refresh);
    try {
      await read();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const recheck = setInterval(() => {
      if (!run.done) return refresh();
      clearInterval(recheck);
      unsubscribe();
      later(this.#timers, KEEP_MS, () => this.#runs.delete(id));
    }, RECHECK_MS);
    recheck.unref();
    this.#timers.add(recheck);
    return run;
  }
}

/**
 * A transport's meter on one instance: the requests open here are
 * counted as WireMeter counts them; each one's count, at its end, is
 * added to the run's totals in Redis.
 */
class SharedMeter implements Meter {
  readonly #open = new Set<WireMeter>();
  readonly #redis: SharedRedis;
  readonly #key: string;
  readonly #transport: Transport;

  constructor(redis: SharedRedis, id: string, transport: Transport) {
    this.#redis = redis;
    this.#key = keys(id).wire;
    this.#transport = transport;
  }

  start(req: IncomingMessage) {
    const one = new WireMeter();
    const stop = one.start(req);
    this.#open.add(one);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      stop();
      const { requests, bytesIn, bytesOut } = one.total();
      const t = this.#transport;
      // Counted here until Redis has it, and forgotten here as soon as
      // the reply comes, before any later command's reply: a report
      // counts it once. If Redis never has it, it stays counted here.
      viaRedis(this.#redis, (commands) =>
        commands
          .multi()
          .hincrby(this.#key, `${t}:requests`, requests)
          .hincrby(this.#key, `${t}:bytesIn`, bytesIn)
          .hincrby(this.#key, `${t}:bytesOut`, bytesOut)
          .pexpire(this.#key, KEEP_MS * 2)
          .exec()
          .then(() => this.#open.delete(one)),
      ).catch(() => {});
    };
  }

  /** What the requests open here (or not yet in Redis) have cost. */
  total(): WireCount {
    const total = { requests: 0, bytesIn: 0, bytesOut: 0 };
    for (const one of this.#open) {
      const count = one.total();
      total.requests += count.requests;
      total.bytesIn += count.bytesIn;
      total.bytesOut += count.bytesOut;
    }
    return total;
  }
}

function keys(id: string) {
  return { meta: `why:run:${id}:meta`, events: `why:run:${id}:events`, wire: `why:run:${id}:wire` };
}

function channel(id: string) {
  return `why:run:${id}`;
}
