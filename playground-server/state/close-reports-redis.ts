// The close reports of /ws/close-report (examples/websocket/close-report.ts)
// kept in Redis: the connection closes on one instance, and
// GET /close-reports/<id> may reach any other.
//
// A hash holds each report by connection id ("open" until the close),
// a sorted set the time each may be forgotten: 60 s after its close,
// or, while the connection is open, 60 s after the instance that holds
// it last said so (every 30 s), so that a report an instance left
// behind when it died is forgotten too. At most MAX_REPORTS: the
// oldest makes room, in the order they were opened (a counter, not a
// clock, so instances whose clocks differ agree). A GET that finds "open" waits on
// the pub/sub channel the close is announced on.

import type { Redis } from 'ioredis';
import {
  type CloseReport,
  type CloseReports,
  KEEP_MS,
  MAX_REPORTS,
} from '../../examples/websocket/close-report.ts';
import { type SharedRedis, viaRedis } from '../shared-redis.ts';

const OPEN = 'open';

// KEYS: entries, forgetAt, order (by a counter), counter. ARGV: now,
// keepMs, max, id, mode, report. mode "open" adds an entry, the oldest
// making room as in memory; "closed" stores the report of an entry
// still kept; "refresh" pushes back an open one's end.
const RECORD = `
local now, keep, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local id, mode = ARGV[4], ARGV[5]
local function forget(old)
  redis.call('HDEL', KEYS[1], old)
  redis.call('ZREM', KEYS[2], old)
  redis.call('ZREM', KEYS[3], old)
end
for _, old in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  forget(old)
end
if mode == 'open' then
  local over = redis.call('ZCARD', KEYS[3]) - max + 1
  if over > 0 then
    for _, old in ipairs(redis.call('ZRANGE', KEYS[3], 0, over - 1)) do
      forget(old)
    end
  end
  redis.call('HSET', KEYS[1], id, '${OPEN}')
  redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), id)
else
  local entry = redis.call('HGET', KEYS[1], id)
  if entry ~= '${OPEN}' then return 0 end
  if mode == 'closed' then redis.call('HSET', KEYS[1], id, ARGV[6]) end
end
redis.call('ZADD', KEYS[2], now + keep, id)
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], keep) end
return 1
`;

type ReportCommands = Redis & {
  closeReport(...keysThenArgs: (string | number)[]): Promise<0 | 1>;
};

/** Close reports shared through Redis under `name`. */
export class RedisCloseReports implements CloseReports {
  readonly #redis: SharedRedis;
  readonly #keys: [string, string, string, string];
  readonly #name: string;
  /** The connections open on this instance, kept alive in Redis. */
  readonly #refreshing = new Map<string, NodeJS.Timeout>();

  constructor(redis: SharedRedis, name = 'close-reports') {
    this.#redis = redis;
    this.#name = name;
    this.#keys = [`${name}:entries`, `${name}:forget-at`, `${name}:order`, `${name}:count`];
    if (!('closeReport' in redis.commands)) {
      redis.commands.defineCommand('closeReport', { numberOfKeys: 4, lua: RECORD });
    }
  }

  async opened(id: string) {
    await this.#record(id, 'open');
    const refresh = setInterval(() => {
      this.#record(id, 'refresh').catch(() => {});
    }, KEEP_MS / 2);
    this.#refreshing.set(id, refresh.unref());
  }

  async closed(id: string, report: CloseReport) {
    clearInterval(this.#refreshing.get(id));
    this.#refreshing.delete(id);
    if ((await this.#record(id, 'closed', JSON.stringify(report))) === 1) {
      this.#redis.pubsub.publish(this.#channel(id), 'closed');
    }
  }

  async wait(id: string, waitMs: number) {
    const deadline = Date.now() + waitMs;
    let wake = () => {};
    let unsubscribe: (() => void) | undefined;
    try {
      for (;;) {
        const entry = await viaRedis(this.#redis, (commands) => commands.hget(this.#keys[0], id));
        if (entry === null) return null;
        if (entry !== OPEN) return JSON.parse(entry) as CloseReport;
        const left = deadline - Date.now();
        if (left <= 0) return OPEN;
        unsubscribe ??= this.#redis.pubsub.subscribe(this.#channel(id), () => wake());
        // Woken by the close, or read again every half second in
        // case the announcement came before the subscription.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 500));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      unsubscribe?.();
    }
  }

  /** Stops keeping this instance's open connections alive. */
  close() {
    for (const timer of this.#refreshing.values()) clearInterval(timer);
    this.#refreshing.clear();
  }

  #record(id: string, mode: 'open' | 'closed' | 'refresh', report = '') {
    return viaRedis(this.#redis, (commands) =>
      (commands as ReportCommands).closeReport(
        ...this.#keys,
        Date.now(),
        KEEP_MS,
        MAX_REPORTS,
        id,
        mode,
        report,
      ),
    );
  }

  #channel(id: string) {
    return `${this.#name}:closed:${id}`;
  }
}
