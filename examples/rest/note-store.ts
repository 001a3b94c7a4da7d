// Where the notes live: one small collection per bearer token, and a
// bounded number of tokens. There is no session and no login: a token
// names a scope, every request carries it, and the store is the only
// state the server keeps (see docs/rest/statelessness).
//
// Every part of it is bounded, because anyone may invent a token: a
// token holds at most `maxNotes` notes, and when there are more than
// `maxTokens` tokens the least recently used one is forgotten. It does
// no I/O; the HTTP handler in notes.ts is what talks to clients.

import { Problem } from './problem.ts';
import type { Note } from './representations.ts';

/** How much the store may hold. */
export interface StoreLimits {
  maxTokens: number;
  maxNotesPerToken: number;
}

/** A note's fields, as a client sends them. */
export type NoteFields = Omit<Note, 'id'>;

// #region scope
/** The notes of one token. */
export class TokenNotes {
  readonly #notes = new Map<string, Note>();
  readonly #maxNotes: number;
  #lastId = 0;

  constructor(maxNotes: number) {
    this.#maxNotes = maxNotes;
  }

  /** Every note, in the order they were created. */
  list(): Note[] {
    return [...this.#notes.values()];
  }

  get(id: string): Note | undefined {
    return this.#notes.get(id);
  }
  // #endregion scope

  // #region writes
  /** Adds a note under the next free number (POST). */
  create(fields: NoteFields): Note {
    this.#checkRoom();
    do this.#lastId++;
    while (this.#notes.has(String(this.#lastId)));
    const note = { id: String(this.#lastId), ...fields };
    this.#notes.set(note.id, note);
    return note;
  }

  /** Creates or replaces the note at `id` (PUT); true if created. */
  put(id: string, fields: NoteFields): boolean {
    const created = !this.#notes.has(id);
    if (created) this.#checkRoom();
    this.#notes.set(id, { id, ...fields });
    return created;
  }

  /** Removes a note (DELETE); false if there was none. */
  delete(id: string): boolean {
    return this.#notes.delete(id);
  }

  #checkRoom() {
    if (this.#notes.size < this.#maxNotes) return;
    throw new Problem(
      'too-many-notes',
      `This token already has ${this.#maxNotes} notes, the most one ` +
        'token may keep. DELETE a note before adding another.',
      { extensions: { limit: this.#maxNotes } },
    );
  }
  // #endregion writes
}

// #region store
/** Every token's notes, forgetting the least recently used token. */
export class NoteStore {
  // A Map iterates in insertion order; moving a token to the end on
  // every use keeps the least recently used one first.
  readonly #tokens = new Map<string, TokenNotes>();
  readonly #limits: StoreLimits;

  constructor(limits: StoreLimits) {
    this.#limits = limits;
  }

  /** The notes of `token`, which becomes the most recently used. */
  scope(token: string): TokenNotes {
    let notes = this.#tokens.get(token);
    if (notes) {
      this.#tokens.delete(token);
    } else {
      notes = new TokenNotes(this.#limits.maxNotesPerToken);
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
