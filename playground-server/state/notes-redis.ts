// The notes in Redis (REDIS_URL): every instance reads and writes the
// same notes, so a request may reach any of them. The same bounds as
// the in-memory NoteStore of examples/rest/note-store.ts, and the same
// answers: at most `maxNotesPerToken` notes a token, numbered and
// positioned the same way, and the least recently used token
// forgotten beyond `maxTokens`.
//
//   rest:notes:tokens      sorted set: token → last use (a counter)
//   rest:notes:uses        that counter
//   rest:notes:n:<token>   hash: lastId, lastPosition, and for each
//                          note "n:<id>" → {"m": modifiedAt, "f": fields}
//   rest:notes:o:<token>   sorted set: id → position, the list's order
//
// Each change is one Lua script. Between a request's check of a note
// (its preconditions, docs/rest/conditional-requests) and its write,
// another instance may change the note: a write is applied only over
// the state this request read, and otherwise refused with 412.

import type {
  Clock,
  Entry,
  NoteFields,
  Notes,
  Page,
  Store,
  StoreLimits,
} from '../../examples/rest/note-store.ts';
import { pageOf, tooManyNotes } from '../../examples/rest/note-store.ts';
import { Problem } from '../../examples/rest/problem.ts';
import type { Note } from '../../examples/rest/representations.ts';
import type { SharedRedis } from '../shared-redis.ts';
import { fullKey, luaScript, TOUCH_LUA } from './lua.ts';

const NAMESPACE = 'rest:notes:';

const NOTES_LUA = `${TOUCH_LUA}
local notes, order = KEYS[3], KEYS[4]
local token, maxTokens, prefix, op = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local function used() touch(token, maxTokens, prefix, {'n:', 'o:'}) end

-- '' asks nothing; '-' that the note is absent; '=' .. value that it
-- is still that value.
local function unchanged(id, expected)
  if expected == '' then return true end
  local now = redis.call('HGET', notes, 'n:' .. id)
  if expected == '-' then return now == false end
  return now == string.sub(expected, 2)
end

local function range(found)
  local result = {}
  for i = 1, #found, 2 do
    table.insert(result, found[i])
    table.insert(result, found[i + 1])
    table.insert(result, redis.call('HGET', notes, 'n:' .. found[i]))
  end
  return result
end

if op == 'scope' then
  used()
  return 1
elseif op == 'create' then
  used()
  if redis.call('ZCARD', order) >= tonumber(ARGV[6]) then return {'full'} end
  local id
  repeat id = redis.call('HINCRBY', notes, 'lastId', 1)
  until redis.call('HEXISTS', notes, 'n:' .. id) == 0
  local position = redis.call('HINCRBY', notes, 'lastPosition', 1)
  redis.call('HSET', notes, 'n:' .. id, ARGV[5])
  redis.call('ZADD', order, position, id)
  return {'created', tostring(id)}
elseif op == 'put' then
  local id = ARGV[5]
  used()
  if not unchanged(id, ARGV[8]) then return {'changed'} end
  local existed = redis.call('HEXISTS', notes, 'n:' .. id) == 1
  if not existed then
    if redis.call('ZCARD', order) >= tonumber(ARGV[7]) then return {'full'} end
    redis.call('ZADD', order, redis.call('HINCRBY', notes, 'lastPosition', 1), id)
  end
  redis.call('HSET', notes, 'n:' .. id, ARGV[6])
  return {existed and 'replaced' or 'created'}
elseif op == 'delete' then
  local id = ARGV[5]
  used()
  if not unchanged(id, ARGV[6]) then return {'changed'} end
  redis.call('ZREM', order, id)
  return {redis.call('HDEL', notes, 'n:' .. id) == 1 and 'deleted' or 'absent'}
elseif op == 'get' then
  return redis.call('HGET', notes, 'n:' .. ARGV[5])
elseif op == 'after' then
  local limit = tonumber(ARGV[6]) + 1
  return range(redis.call('ZRANGE', order, '(' .. ARGV[5], '+inf', 'BYSCORE', 'LIMIT', 0, limit, 'WITHSCORES'))
elseif op == 'at' then
  local from = tonumber(ARGV[5])
  return range(redis.call('ZRANGE', order, from, from + tonumber(ARGV[6]), 'WITHSCORES'))
elseif op == 'list' then
  return range(redis.call('ZRANGE', order, 0, -1, 'WITHSCORES'))
end
return redis.error_reply('unknown operation ' .. op)
`;

const notesScript = luaScript(NOTES_LUA);

/** A note as stored: when it last changed, and its fields. */
interface Stored {
  m: number;
  f: NoteFields;
}

/** Every token's notes, in Redis. */
export class RedisNoteStore implements Store {
  readonly #redis: SharedRedis;
  readonly #limits: StoreLimits;
  readonly #now: Clock;

  constructor(redis: SharedRedis, limits: StoreLimits, now: Clock = Date.now) {
    this.#redis = redis;
    this.#limits = limits;
    this.#now = now;
  }

  /** The notes of `token`, which becomes the most recently used. */
  async scope(token: string): Promise<Notes> {
    await this.run(token, 'scope');
    return new RedisTokenNotes(this, token, this.#limits.maxNotesPerToken, this.#now);
  }

  /** Runs one operation of the script for `token`. */
  run(token: string, op: string, ...args: (string | number)[]) {
    const keys = [
      `${NAMESPACE}tokens`,
      `${NAMESPACE}uses`,
      `${NAMESPACE}n:${token}`,
      `${NAMESPACE}o:${token}`,
    ];
    return notesScript(this.#redis, keys, [
      token,
      this.#limits.maxTokens,
      fullKey(NAMESPACE),
      op,
      ...args,
    ]);
  }
}

/**
 * The notes of one token, for one request. It remembers what the
 * request read of each note, so that its writes apply over that.
 */
class RedisTokenNotes implements Notes {
  readonly #store: RedisNoteStore;
  readonly #token: string;
  readonly #maxNotes: number;
  readonly #now: Clock;
  /** What this request last read of each note: '-' for none. */
  readonly #seen = new Map<string, string>();

  constructor(store: RedisNoteStore, token: string, maxNotes: number, now: Clock) {
    this.#store = store;
    this.#token = token;
    this.#maxNotes = maxNotes;
    this.#now = now;
  }

  async list(): Promise<Note[]> {
    return entriesOf(await this.#run('list')).map((entry) => entry.note);
  }

  async get(id: string) {
    const value = (await this.#run('get', id)) as string | null;
    this.#seen.set(id, value === null ? '-' : `=${value}`);
    return value === null ? undefined : noteOf(id, value);
  }

  async modifiedAt(id: string) {
    const value = (await this.#run('get', id)) as string | null;
    return value === null ? undefined : (JSON.parse(value) as Stored).m;
  }

  async after(after: number, limit: number): Promise<Page> {
    return pageOf(entriesOf(await this.#run('after', after, limit)), 0, limit);
  }

  async at(offset: number, limit: number): Promise<Page> {
    const entries = entriesOf(await this.#run('at', offset, limit));
    return pageOf(entries, 0, limit);
  }

  async create(fields: NoteFields): Promise<Note> {
    const [outcome, id] = (await this.#run(
      'create',
      this.#value(fields),
      this.#maxNotes,
    )) as string[];
    if (outcome === 'full') throw tooManyNotes(this.#maxNotes);
    return { id: id!, ...fields };
  }

  async put(id: string, fields: NoteFields) {
    const value = this.#value(fields);
    const [outcome] = (await this.#run(
      'put',
      id,
      value,
      this.#maxNotes,
      this.#expected(id),
    )) as string[];
    if (outcome === 'full') throw tooManyNotes(this.#maxNotes);
    if (outcome === 'changed') throw changedMeanwhile(id);
    this.#seen.set(id, `=${value}`);
    return outcome === 'created';
  }

  async delete(id: string) {
    const [outcome] = (await this.#run('delete', id, this.#expected(id))) as string[];
    if (outcome === 'changed') throw changedMeanwhile(id);
    this.#seen.set(id, '-');
    return outcome === 'deleted';
  }

  #value(fields: NoteFields) {
    return JSON.stringify({ m: this.#now(), f: fields } satisfies Stored);
  }

  #expected(id: string) {
    return this.#seen.get(id) ?? '';
  }

  #run(op: string, ...args: (string | number)[]) {
    return this.#store.run(this.#token, op, ...args);
  }
}

function noteOf(id: string, value: string): Note {
  return { id, ...(JSON.parse(value) as Stored).f };
}

/** The script's [id, position, value, …] as entries, in order. */
function entriesOf(flat: unknown): Entry[] {
  const items = flat as string[];
  const entries: Entry[] = [];
  for (let i = 0; i < items.length; i += 3) {
    const id = items[i]!;
    const value = items[i + 2]!;
    entries.push({
      note: noteOf(id, value),
      position: Number(items[i + 1]),
      modifiedAt: (JSON.parse(value) as Stored).m,
    });
  }
  return entries;
}

/** Another request changed the note between this one's check and its write. */
function changedMeanwhile(id: string) {
  return new Problem(
    'precondition-failed',
    `Note "${id}" changed while this request was being processed: another ` +
      'request changed it first. GET it again, and send your change again ' +
      'if it still applies.',
  );
}
