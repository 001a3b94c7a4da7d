// Pagination: GET /api/notes answers one page of the list, and says
// where the next one is in a Link field (RFC 8288), rel="next", which
// is missing on the last page.
//
//   ?limit=N     how many notes a page holds: a default, and a maximum
//   ?cursor=C    continue after the page that gave C (cursor.ts)
//   ?offset=K    skip K notes instead: the old way, kept here so that
//                a page can show what goes wrong with it
//
// Bad values are refused with 400 and a detail saying what to send.

import type { Cursors } from './cursor.ts';
import type { Notes, Page } from './note-store.ts';
import { Problem } from './problem.ts';

/** How many notes a page holds, unless asked, and at most. */
export interface PageSizes {
  defaultLimit: number;
  maxLimit: number;
}

// #region query
/** Where a page starts: after a cursor's position, or at an offset. */
type Start = { after: number } | { offset: number };

/** The page a query asks for, or a 400 saying what is wrong. */
function readQuery(
  query: URLSearchParams,
  sizes: PageSizes,
  cursorPosition: (cursor: string) => number,
): Start & { limit: number } {
  // A name sent twice reads as "5,6", which no rule below accepts.
  const one = (name: string) =>
    query.has(name) ? query.getAll(name).join(',') : undefined;
  const limit = one('limit');
  const cursor = one('cursor');
  const offset = one('offset');
  const size = limit === undefined ? sizes.defaultLimit : whole(limit);
  if (!(size >= 1 && size <= sizes.maxLimit)) throw badLimit(limit, sizes);
  if (cursor !== undefined && offset !== undefined) throw bothStarts();
  if (offset !== undefined) {
    const skip = whole(offset);
    if (Number.isNaN(skip)) throw badOffset(offset);
    return { limit: size, offset: skip };
  }
  const after = cursor === undefined ? 0 : cursorPosition(cursor);
  return { limit: size, after };
}

/** A whole number written in digits, or NaN. */
function whole(text: string) {
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}
// #endregion query

// #region page
/**
 * The page of `notes` that `query` asks for, and the Link to the next
 * one. The link is relative ("notes?…"), like Location after POST: it
 * resolves against the URI the client asked, so a client reaching the
 * notes through the caching layer stays behind it.
 */
export async function listPage(
  notes: Notes,
  query: URLSearchParams,
  token: string,
  { pageSizes, cursors }: { pageSizes: PageSizes; cursors: Cursors },
): Promise<Page & { link: string | undefined }> {
  const ask = readQuery(query, pageSizes, (c) => cursors.read(token, c));
  const page =
    'offset' in ask
      ? await notes.at(ask.offset, ask.limit)
      : await notes.after(ask.after, ask.limit);
  if (!page.more) return { ...page, link: undefined };
  const next = new URLSearchParams({ limit: String(ask.limit) });
  if ('offset' in ask) next.set('offset', String(ask.offset + ask.limit));
  else next.set('cursor', cursors.issue(token, page.last!));
  return { ...page, link: `<notes?${next}>; rel="next"` };
}
// #endregion page

function badLimit(limit: string | undefined, sizes: PageSizes) {
  return new Problem(
    'bad-limit',
    `limit=${limit} is not a page size here. Send a whole number ` +
      `from 1 to ${sizes.maxLimit}, the most a page holds, or leave ` +
      `limit out for pages of ${sizes.defaultLimit}.`,
    {
      extensions: {
        defaultLimit: sizes.defaultLimit,
        maxLimit: sizes.maxLimit,
      },
    },
  );
}

function badOffset(offset: string) {
  return new Problem(
    'bad-offset',
    `offset=${offset} is not a whole number of notes to skip. Send ` +
      'one such as offset=10, or better, follow the Link rel="next".',
  );
}

function bothStarts() {
  return new Problem(
    'bad-offset',
    'A page starts at a cursor or at an offset, and this request ' +
      'sent both. Send only the cursor from the Link rel="next".',
  );
}
