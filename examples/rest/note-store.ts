// Where the notes live: one small collection per bearer token, and a
// bounded number of tokens. There is no session and no login: a token
// names a scope, every request carries it, and the store is the only
// state the server keeps (see docs/rest/statelessness).
//
// Every part of it is bounded, because anyone may invent a token: a
// token holds at most `maxNotes` notes, and when there are more than
// `maxTokens` tokens the least recently used one is forgotten. It does
// no I/O; the HTTP handler in notes.ts is what talks to clients.
//
// Besides the notes themselves it keeps two facts about each: its
// position, a number given once when the note is created and never
// reused (what a pagination cursor remembers, docs/rest/pagination),
// and when it last changed (Last-Modified, docs/rest/conditional-
// requests).

import { Problem } from './problem.ts';
import type { Note } from './representations.ts';

/** How much the store may hold. */
export interface StoreLimits {
  maxTokens: number;
  maxNotesPerToken: number;
}

/** A note's fields, as a client sends them. */
export type NoteFields = Omit<Note, 'id'>;

/** A clock in milliseconds, Date.now unless a test steps it. */
export type Clock = () => number;

/** A note, where it stands in its list, and when it last changed. */
export interface Entry {
  note: Note;
  position: number;
  modifiedAt: number;
}

/** One page of a list, and whether more notes follow it. */
export interface Page {
  notes: Note[];
  /** The position of the page's last note, for the next cursor. */
  last: number | undefined;
  more: boolean;
}

/** A value, or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

// #region scope
/**
 * What the handler asks of one token's notes. Each answer may be a
 * promise, so that the notes may also live in another process that
 * every server shares (Redis, in the playground); the lesson's own
 * store, below, answers at once.
 */
export interface Notes {
  list(): Awaitable<Note[]>;
  get(id: string): Awaitable<Note | undefined>;
  modifiedAt(id: string): Awaitable<number | undefined>;
  after(after: number, limit: number): Awaitable<Page>;
  at(offset: number, limit: number): Awaitable<Page>;
  create(fields: NoteFields): Awaitable<Note>;
  put(id: string, fields: NoteFields): Awaitable<boolean>;
  delete(id: string): Awaitable<boolean>;
}

/** Every token's notes. */
export interface Store {
  scope(token: string): Awaitable<Notes>;
}

/** The notes of one token, in this process's memory. */
export class TokenNotes implements Notes {
  // A Map keeps insertion order, and replacing a note keeps its
  // place: iterating it is iterating by position.
  readonly #notes = new Map<string, Entry>();
  readonly #maxNotes: number;
  readonly #now: Clock;
  #lastId = 0;
  #lastPosition = 0;

  constructor(maxNotes: number, now: Clock = Date.now) {
    this.#maxNotes = maxNotes;
    this.#now = now;
  }

  /** Every note, in the order they were created. */
  list(): Note[] {
    return Array.from(this.#notes.values(), (entry) => entry.note);
  }

  get(id: string): Note | undefined {
    return this.#notes.get(id)?.note;
  }

  /** When the note last changed, in milliseconds; undefined if none. */
  modifiedAt(id: string): number | undefined {
    return this.#notes.get(id)?.modifiedAt;
  }
  // #endregion scope

  // #region pages
  /**
   * Up to `limit` notes created after position `after` (0: from the
   * start). Deleting or adding notes moves no other note's position,
   * so a walk that goes on from its last position meets every note
   * that was there throughout, once.
   */
  after(after: number, limit: number): Page {
    const entries = [...this.#notes.values()];
    const start = entries.findIndex((entry) => entry.position > after);
    const from = start === -1 ? entries.length : start;
    return pageOf(entries, from, limit);
  }

  /** Up to `limit` notes from the `offset`-th on, for comparison. */
  at(offset: number, limit: number): Page {
    return pageOf([...this.#notes.values()], offset, limit);
  }
  // #endregion pages

  // #region writes
  /** Adds a note under the next free number (POST). */
  create(fields: NoteFields): Note {
    this.#checkRoom();
    do this.#lastId++;
    while (this.#notes.has(String(this.#lastId)));
    const note = { id: String(this.#lastId), ...fields };
    this.#set(note, ++this.#lastPosition);
    return note;
  }

  /** Creates or replaces the note at `id` (PUT); true if created. */
  put(id: string, fields: NoteFields): boolean {
    const existing = this.#notes.get(id);
    if (!existing) this.#checkRoom();
    this.#set({ id, ...fields }, existing?.position ?? ++this.#lastPosition);
    return !existing;
  }

  /** Removes a note (DELETE); false if there was none. */
  delete(id: string): boolean {
    return this.#notes.delete(id);
  }

  #set(note: Note, position: number) {
    this.#notes.set(note.id, { note, position, modifiedAt: this.#now() });
  }

  #checkRoom() {
    if (this.#notes.size < this.#maxNotes) return;
    throw tooManyNotes(this.#maxNotes);
  }
  // #endregion writes
}

/** A token with no room for one more note: 409. */
export function tooManyNotes(maxNotes: number) {
  return new Problem(
    'too-many-notes',
    `This token already has ${maxNotes} notes, the most one ` +
      'token may keep. DELETE a note before adding another.',
    { extensions: { limit: maxNotes } },
  );
}

/** The page of `entries`, in order of position, from the `from`-th. */
export function pageOf(entries: Entry[], from: number, limit: number): Page {
  const taken = entries.slice(from, from + limit);
  return {
    notes: taken.map((entry) => entry.note),
    last: taken.at(-1)?.position,
    more: from + limit < entries.length,
  };
}

// #region store
/** Every token's notes, forgetting the least recently used token. */
export class NoteStore implements Store {
  // A Map iterates in insertion order; moving a token to the end on
  // every use keeps the least recently used one first.
  readonly #tokens = new Map<string, TokenNotes>();
  readonly #limits: StoreLimits;
  readonly #now: Clock;

  constructor(limits: StoreLimits, now: Clock = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /** The notes of `token`, which becomes the most recently used. */
  scope(token: string): TokenNotes {
    let notes = this.#tokens.get(token);
    if (notes) {
      this.#tokens.delete(token);
    } else {
      notes = new TokenNotes(this.#limits.maxNotesPerToken, this.#now);
    }
    this.#tokens.set(token, notes);
    for (const oldest of this.#tokens.keys()) {
      if (this.#tokens.size <= this.#limits.maxTokens) break;
      this.#tokens.delete(oldest);
    }
    return notes;
  }

  /** How many tokens have notes in memory. */
  get size(): number {
    return this.#tokens.size;
  }
}
// #endregion store
