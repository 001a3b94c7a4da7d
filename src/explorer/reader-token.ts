// The reader's bearer token for the REST pages: made once, with the
// same newToken() the demos use, and kept in sessionStorage, so it
// lasts as long as the tab and every request from the tab sends it.
// The server keeps no session: this token is how it knows whose notes
// a request is about (docs/rest/statelessness).

import { newToken } from '../../examples/rest/client.ts';

const KEY = 'wirebook:rest-token';

/** Where a token is kept; sessionStorage on a page. */
type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** A place to keep it when storage is refused (private modes, policies). */
const memory = new Map<string, string>();
const inMemory: Store = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
};

function storage(): Store {
  try {
    sessionStorage.setItem(`${KEY}:probe`, '1');
    return sessionStorage;
  } catch {
    return inMemory;
  }
}

/** This reader's token, made on first use. */
export function readerToken(store: Store = storage()): string {
  const kept = store.getItem(KEY);
  if (kept) return kept;
  return renewToken(store);
}

/** A new token for this reader: their notes start afresh. */
export function renewToken(store: Store = storage()): string {
  const token = newToken();
  store.setItem(KEY, token);
  return token;
}
