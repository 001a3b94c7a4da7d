// /ws/push's log over Redis (REDIS_URL): one numbering for every
// instance, so a reader may resume with ?since=SEQ on any of them, or
// on its own after a restart (examples/websocket/push-log.ts is the
// interface, and the in-memory log the lesson teaches).
//
// Three keys and a channel. push:seq counts (INCR); push:log keeps the
// last WS_PUSH_REPLAY messages (RPUSH, LTRIM); push:stream names the
// numbering, 16 hex digits set by whichever instance comes first (SET
// NX). Should Redis lose them (a restart without persistence), a new
// name and a new count begin together, and a reader's old since is an
// "unknown" gap, never taken for another numbering's seq. Numbering,
// keeping and PUBLISH happen in one Lua script: Redis runs one script
// at a time, so messages are published in seq order, and the list and
// the count never disagree.
//
// Ticks: one numbering needs one clock, or N instances would send N
// ticks a second. The instance holding the lease push:ticker (SET PX,
// renewed at each tick) ticks for the deployment; the others' ticks
// do nothing. When the holder stops, its lease runs out after three
// ticks and the next instance to tick takes it over.
//
// Pub/sub delivers at most once: a message published while this
// instance's subscriber reconnects, or before it has subscribed, never
// arrives. So the log counts what it has handed on, and a seq that
// skips ahead is a hole it fills from push:log before going on; a hole
// older than the list, or a numbering that started again, is reported
// broken, and the push server has its readers resume.
//
// Redis out of reach: every method rejects with RedisUnavailable, and
// the push server closes its readers with 1013 and that reason; they
// come back later and resume from their seq, missing nothing kept.

import { randomBytes } from 'node:crypto';
import type { Deliver, PushLog, Welcome } from '../../examples/websocket/push-log.ts';
import type { Resuming } from '../../examples/websocket/push-server.ts';
import { type SharedRedis, whenUp } from '../shared-redis.ts';
import { fullKey, luaScript } from './lua.ts';

/** The channel numbered messages are published on (unprefixed). */
const NUMBERED = 'push:numbered';
const KEYS = ['push:stream', 'push:seq', 'push:log'];
const TICKER = 'push:ticker';
/** How long a newcomer waits for a Redis still connecting before 1013. */
const CONNECTING_MS = 1_000;

/** A stream name and a count that start again together. */
const NAME = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('DEL', KEYS[2], KEYS[3])
end`;

/** Numbers ARGV[4] (a JSON object), keeps and publishes it. */
const APPEND = `${NAME}
local seq = redis.call('INCR', KEYS[2])
local message = string.sub(ARGV[4], 1, -2) .. ',"seq":' .. seq .. '}'
local capacity = tonumber(ARGV[2])
-- The list always ends at seq, with no hole: what it keeps is exact.
if capacity > 0 then
  redis.call('RPUSH', KEYS[3], message)
  redis.call('LTRIM', KEYS[3], -capacity, -1)
else
  redis.call('DEL', KEYS[3])
end
redis.call('PUBLISH', ARGV[3], message)
return seq`;

/** APPEND, by the holder of the ticker lease only (KEYS[4]). */
const TICK = `
local holder = redis.call('GET', KEYS[4])
if holder and holder ~= ARGV[5] then return 0 end
redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[6])
${APPEND}`;

/** Gives the lease up if this instance holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The stream's name, its latest seq, how many messages are kept, and
 * those after ARGV[2] (none for -1, or for another stream ARGV[3]).
 */
const RESUME = `${NAME}
local stream = redis.call('GET', KEYS[1])
local latest = tonumber(redis.call('GET', KEYS[2]) or '0')
local kept = redis.call('LLEN', KEYS[3])
local since = tonumber(ARGV[2])
if ARGV[3] ~= '' and ARGV[3] ~= stream then since = -1 end
local messages = {}
if since >= 0 and since < latest then
  local oldest = latest - kept + 1
  local from = math.max(since + 1, oldest)
  messages = redis.call('LRANGE', KEYS[3], from - oldest, -1)
end
return {stream, latest, kept, messages}`;

/** The seq a numbered message ends with. */
function seqOf(message: string) {
  return Number(/"seq":(\d+)\}$/.exec(message)?.[1]);
}

const appendScript = luaScript(APPEND);
const tickScript = luaScript(TICK);
const releaseScript = luaScript(RELEASE);
const resumeScript = luaScript(RESUME);

/** The deployment's log; `replay` and `tickMs` as the push server's. */
export function createRedisPushLog(
  redis: SharedRedis,
  options: { replay: number; tickMs: number },
): PushLog {
  const instance = randomBytes(8).toString('hex');
  // Offered as the stream's name; kept only if there is none yet.
  const name = randomBytes(8).toString('hex');
  const leaseMs = 3 * options.tickMs;
  const listeners = new Set<{ deliver: Deliver; broken: (error: Error) => void }>();
  // The stream last seen and the last seq handed on (null: not yet
  // known), and the messages that wait while a hole is filled.
  let known: string | null = null;
  let handed: number | null = null;
  let filling: string[] | null = null;

  const lookUp = async (since: number, stream: string) => {
    const [current, latest, kept, messages] = (await resumeScript(redis, KEYS, [
      name,
      since,
      stream,
    ])) as [string, number, number, string[]];
    if (known !== null && current !== known) {
      broken(new Error('the numbering of /ws/push started again; resume with since'));
    }
    if (current !== known || handed === null) handed = latest;
    known = current;
    return { stream: current, latest, kept, messages };
  };
  const broken = (error: Error) => {
    for (const listener of listeners) listener.broken(error);
  };
  const handOn = (message: string) => {
    const seq = seqOf(message);
    if (filling) return void filling.push(message);
    if (handed !== null && seq <= handed) return;
    if (handed !== null && seq > handed + 1 && known !== null) {
      filling = [message];
      void fill(handed, known);
      return;
    }
    handed = seq;
    for (const listener of listeners) listener.deliver(message, seq);
  };
  const fill = async (after: number, stream: string) => {
    try {
      const found = await lookUp(after, stream);
      const first = found.latest - found.messages.length + 1;
      if (found.stream === stream && first > after + 1) {
        broken(new Error('messages of /ws/push were lost between instances; resume with since'));
      }
      const waiting = filling ?? [];
      filling = null;
      for (const message of [...found.messages, ...waiting]) handOn(message);
    } catch {
      // Redis went away: ticks fail too, and readers are closed.
      filling = null;
      handed = null;
    }
  };

  const append = (
    script: ReturnType<typeof luaScript>,
    keys: string[],
    value: object,
    ...more: (string | number)[]
  ) =>
    script(redis, keys, [
      name,
      options.replay,
      fullKey(NUMBERED),
      JSON.stringify(value),
      ...more,
    ]).then(() => {});

  return {
    chat: (value) => append(appendScript, KEYS, value),
    tick: (value) => append(tickScript, [...KEYS, TICKER], value, instance, leaseMs),
    listen(deliver, broken) {
      const listener = { deliver, broken };
      listeners.add(listener);
      const unsubscribe = redis.pubsub.subscribe(NUMBERED, handOn);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
    async resume(asked: Resuming | null): Promise<Welcome> {
      await whenUp(redis, CONNECTING_MS);
      const found = await lookUp(asked?.since ?? -1, asked?.stream ?? '');
      const { stream, latest, kept, messages } = found;
      if (!asked) return { stream, last: latest, gap: null, messages: [] };
      const { since } = asked;
      if ((asked.stream ?? stream) !== stream || since > latest) {
        const gap = { since, resume: latest + 1, reason: 'unknown' as const };
        return { stream, last: latest, gap, messages: [] };
      }
      const from = Math.max(since + 1, latest - kept + 1);
      if (from === since + 1) return { stream, last: since, gap: null, messages };
      const gap = { since, resume: from, reason: 'expired' as const };
      return { stream, last: from - 1, gap, messages };
    },
    async close() {
      // The next instance to tick takes over at once, not a lease later.
      await releaseScript(redis, [TICKER], [instance]).catch(() => {});
    },
  };
}
