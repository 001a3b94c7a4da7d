// Admission by count for the whole deployment (REDIS_URL): the same
// caps as admission.ts, with every instance's holders counted.
//
// Each instance keeps its own counts in memory (an Admission) and
// mirrors them into one Redis hash of its own, client address →
// count, with a TTL it refreshes while it lives. A Lua script sums the
// live instances' hashes and takes a place in one step, so two
// instances cannot both take the last one. An instance that dies
// without a word stops refreshing: its hash expires and its holders
// stop counting, with nothing to clean up.
//
// Redis out of reach: admission falls back to this instance's own
// count, under the same caps, and logs it once (README, Deployment).
// The places taken meanwhile are written to Redis when it is back: the
// instance rewrites its hash from memory whenever no admission is on
// its way, on every refresh and on reconnecting.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Admission, type AdmissionRefusal } from './admission.ts';
import { KEY_PREFIX, type SharedRedis } from './shared-redis.ts';

/** Gives a place back, once however often it is called. */
export type Release = () => void;

/** How long a hash outlives its instance's last refresh, by default. */
export const HELD_TTL_MS = 10_000;

/** The field that holds an instance's count in all; no client address. */
const ALL = '*';

// KEYS[1]: the set of instance ids; KEYS[2]: this instance's hash.
// ARGV: this id, the key, the cap per key, the cap in all (-1: none),
// the TTL, the prefix of every instance's hash name. The other hashes'
// names are made here from their ids: one Redis, no cluster.
const ADMIT = `
local key, perKey, total = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local byKey, inAll = 0, 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local counts = redis.call('HMGET', ARGV[6] .. id, key, '${ALL}')
  if counts[2] then
    byKey = byKey + (tonumber(counts[1]) or 0)
    inAll = inAll + tonumber(counts[2])
  else
    redis.call('SREM', KEYS[1], id)
  end
end
if byKey >= perKey then return 'per-key' end
if total >= 0 and inAll >= total then return 'total' end
redis.call('HINCRBY', KEYS[2], key, 1)
redis.call('HINCRBY', KEYS[2], '${ALL}', 1)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('SADD', KEYS[1], ARGV[1])
return 'ok'
`;

// KEYS[1]: this instance's hash; ARGV[1]: the key.
const RELEASE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
if redis.call('HINCRBY', KEYS[1], '${ALL}', -1) <= 0 then redis.call('DEL', KEYS[1]) end
`;

// KEYS[1]: the set of instance ids; KEYS[2]: this instance's hash.
// ARGV: this id, the TTL, then key and count pairs, the one in all last.
const REWRITE = `
redis.call('DEL', KEYS[2])
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
if #ARGV > 2 then
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  redis.call('SADD', KEYS[1], ARGV[1])
end
`;

interface CapCommands {
  capAdmit(...args: (string | number)[]): Promise<string>;
  capRelease(...args: string[]): Promise<unknown>;
  capRewrite(...args: (string | number)[]): Promise<unknown>;
}

function capCommands(commands: Redis) {
  if (!('capAdmit' in commands)) {
    commands.defineCommand('capAdmit', { numberOfKeys: 2, lua: ADMIT });
    commands.defineCommand('capRelease', { numberOfKeys: 1, lua: RELEASE });
    commands.defineCommand('capRewrite', { numberOfKeys: 2, lua: REWRITE });
  }
  return commands as unknown as CapCommands;
}

export interface SharedAdmissionOptions {
  /** How long a silent instance's counts go on counting. */
  ttlMs?: number;
  /** How long an admission waits for Redis before counting locally. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Counts holders per key across every instance on one Redis. */
export class SharedAdmission {
  readonly perKey: number;
  readonly total: number;
  readonly #redis: SharedRedis;
  readonly #commands: CapCommands;
  readonly #local: Admission;
  readonly #name: string;
  readonly #id = randomUUID();
  readonly #instances: string;
  readonly #held: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #log: (line: string) => void;
  readonly #refresh: NodeJS.Timeout;
  readonly #onReady = () => this.#rewriteWhenIdle();
  /**
   * Settles once Redis first answers or fails to: an instance that has
   * just started waits for it rather than count alone, unless it is down.
   */
  readonly #firstContact: Promise<void>;
  /** Admissions Redis has not answered yet. */
  #pending = 0;
  /** Redis may not hold what memory does: rewrite it when idle. */
  #stale = true;
  #fallingBack = false;
  #closed = false;

  /** `name` keeps these counts apart from other caps' ("ws", "run"). */
  constructor(
    redis: SharedRedis,
    name: string,
    caps: { perKey: number; total?: number },
    options: SharedAdmissionOptions = {},
  ) {
    this.#redis = redis;
    this.#commands = capCommands(redis.commands);
    this.#local = new Admission(caps);
    this.perKey = this.#local.perKey;
    this.total = this.#local.total;
    this.#name = name;
    this.#instances = `caps:${name}:instances`;
    this.#held = `caps:${name}:held:`;
    this.#ttlMs = options.ttlMs ?? HELD_TTL_MS;
    this.#timeoutMs = options.timeoutMs ?? 2_000;
    this.#log = options.log ?? ((line) => console.error(line));
    // Three refreshes a TTL: one lost to a busy moment is no death.
    this.#refresh = setInterval(() => this.#rewriteWhenIdle(true), this.#ttlMs / 3).unref();
    redis.commands.on('ready', this.#onReady);
    this.#firstContact = redis.up() ? Promise.resolve() : firstContact(redis, this.#timeoutMs);
    this.#rewriteWhenIdle();
  }

  /**
   * Takes a place for `key` if every instance together holds fewer
   * than the caps: the function that gives it back, or which cap it
   * would go over.
   */
  async admit(key: string): Promise<AdmissionRefusal | Release> {
    if (!this.#redis.up()) await this.#firstContact;
    if (this.#closed || !this.#redis.up()) return this.#admitHere(key, 'Redis is unreachable');
    this.#pending++;
    const answer = this.#commands.capAdmit(
      this.#instances,
      this.#held + this.#id,
      this.#id,
      key,
      this.perKey,
      Number.isFinite(this.total) ? this.total : -1,
      this.#ttlMs,
      KEY_PREFIX + this.#held,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.#timeoutMs);
    });
    const verdict = await Promise.race([answer.catch((error: Error) => error), late]);
    clearTimeout(timer);
    if (verdict === 'late') {
      // Whatever Redis makes of it, the rewrite once it has answered
      // sets Redis to what this instance holds.
      this.#stale = true;
      answer.catch(() => {}).finally(() => this.#settled());
      return this.#admitHere(key, `Redis did not answer in ${this.#timeoutMs} ms`);
    }
    try {
      if (verdict instanceof Error) return this.#admitHere(key, `Redis failed: ${verdict.message}`);
      this.#backOnline();
      return verdict === 'ok' ? this.#take(key) : (verdict as AdmissionRefusal);
    } finally {
      // Only now, with the place counted here too, may a rewrite go.
      this.#settled();
    }
  }

  /** What `key` holds on this instance. */
  heldBy(key: string) {
    return this.#local.heldBy(key);
  }

  /** What this instance holds, every key together. */
  get held() {
    return this.#local.held;
  }

  /** Stops refreshing, and takes this instance's counts out of Redis. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#refresh);
    this.#redis.commands.off('ready', this.#onReady);
    if (!this.#redis.up()) return;
    await this.#redis.commands.del(this.#held + this.#id).catch(() => {});
  }

  /** The caps, counted by this instance alone. */
  #admitHere(key: string, why: string): AdmissionRefusal | Release {
    if (!this.#fallingBack && !this.#closed) {
      this.#fallingBack = true;
      this.#log(
        `caps: ${why}; the ${this.#name} caps count this instance's holders only until it is back`,
      );
    }
    this.#stale = true;
    return this.#local.refusal(key) ?? this.#take(key);
  }

  #settled() {
    this.#pending--;
    this.#rewriteWhenIdle();
  }

  #backOnline() {
    if (!this.#fallingBack) return;
    this.#fallingBack = false;
    this.#log(`caps: Redis is back; the ${this.#name} caps count every instance again`);
  }

  #take(key: string): Release {
    const giveBack = this.#local.take(key);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      giveBack();
      if (this.#closed) return;
      if (!this.#redis.up()) {
        this.#stale = true;
        return;
      }
      this.#commands.capRelease(this.#held + this.#id, key).catch(() => {
        this.#stale = true;
      });
    };
  }

  /**
   * Writes this instance's counts to Redis, when it may be missing
   * some (or on every refresh) and no admission is on its way: one
   * that Redis has counted but this instance not yet would be lost.
   * Commands on one connection run in order, so a release sent before
   * is counted, and one sent after finds its place written.
   */
  #rewriteWhenIdle(refresh = false) {
    if (this.#closed || !this.#redis.up()) return;
    if (this.#pending > 0) {
      if (refresh) this.#redis.commands.pexpire(this.#held + this.#id, this.#ttlMs).catch(() => {});
      return;
    }
    if (!this.#stale && !refresh) return;
    this.#stale = false;
    const counts: (string | number)[] = [];
    for (const [key, count] of this.#local.entries()) counts.push(key, count);
    if (counts.length > 0) counts.push(ALL, this.#local.held);
    this.#commands
      .capRewrite(this.#instances, this.#held + this.#id, this.#id, this.#ttlMs, ...counts)
      .catch(() => {
        this.#stale = true;
      });
  }
}

/** Resolves when `redis` is first ready, fails, or `ms` have passed. */
function firstContact(redis: SharedRedis, ms: number) {
  return new Promise<void>((resolve) => {
    const settle = () => {
      clearTimeout(timer);
      redis.commands.off('ready', settle).off('error', settle);
      resolve();
    };
    const timer = setTimeout(settle, ms);
    redis.commands.once('ready', settle).once('error', settle);
  });
}
