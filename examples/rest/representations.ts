// One note, four representations. A resource is the note itself; what
// travels is a representation of it, in a media type the client asked
// for: JSON for programs, HTML for people in a browser, XML for older
// programs, plain text for a terminal. The course notes' "an image as
// png or jpg" is the same idea for pictures.

import { negotiate } from './negotiation.ts';
import { Problem } from './problem.ts';

/** A note: what the API stores for each id. */
export interface Note {
  id: string;
  title: string;
  body: string;
}

// #region types
/** The media types the API can send, in its order of preference. */
export const MEDIA_TYPES = [
  'application/json',
  'text/html',
  'application/xml',
  'text/plain',
] as const;

export type MediaType = (typeof MEDIA_TYPES)[number];
// #endregion types

// #region choose
/** The type the client's Accept prefers, or 406 with what we offer. */
export function chooseType(accept: string | undefined): MediaType {
  const type = negotiate(accept, MEDIA_TYPES);
  if (type !== null) return type as MediaType;
  throw new Problem(
    'not-acceptable',
    `Accept: ${accept} allows none of the representations this API ` +
      `makes. Ask for one of ${MEDIA_TYPES.join(', ')}.`,
    { extensions: { offered: MEDIA_TYPES } },
  );
}
// #endregion choose

// #region note
/** One note in the given media type. */
export function renderNote(note: Note, type: MediaType): string {
  const { id, title, body } = note;
  switch (type) {
    case 'application/json':
      return JSON.stringify({ id, title, body });
    case 'text/html':
      return page(
        title,
        `<h1>${escapeMarkup(title)}</h1>\n<p>${escapeMarkup(body)}</p>`,
      );
    case 'application/xml':
      return xml(
        `<note id="${escapeMarkup(id)}">` +
          `<title>${escapeMarkup(title)}</title>` +
          `<body>${escapeMarkup(body)}</body></note>`,
      );
    case 'text/plain':
      return `${title}\n\n${body}\n`;
  }
}
// #endregion note

// #region list
/**
 * The collection: each note's id and title, and a link to the note.
 * The link is relative (`notes/1` from `/api/notes`), so it points the
 * right way wherever the collection is served, even behind a layer
 * that moved it to another path.
 */
export function renderNotes(notes: Note[], type: MediaType): string {
  const items = notes.map(({ id, title }) => ({
    id,
    title,
    href: `notes/${encodeURIComponent(id)}`,
  }));
  const each = (make: (item: (typeof items)[number]) => string) =>
    items.map(make).join('');
  switch (type) {
    case 'application/json':
      return JSON.stringify({ notes: items });
    case 'text/html':
      return page(
        'Notes',
        '<h1>Notes</h1>\n<ul>' +
          each(
            (n) =>
              `<li><a href="${escapeMarkup(n.href)}">${escapeMarkup(n.title)}</a></li>`,
          ) +
          '</ul>',
      );
    case 'application/xml':
      return xml(
        '<notes>' +
          each(
            (n) =>
              `<note id="${escapeMarkup(n.id)}" href="${escapeMarkup(n.href)}">` +
              `<title>${escapeMarkup(n.title)}</title></note>`,
          ) +
          '</notes>',
      );
    case 'text/plain':
      return each((n) => `${n.href}\t${n.title}\n`);
  }
}
// #endregion list

// #region escape
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside HTML or XML, as content or an attribute. */
function escapeMarkup(text: string) {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
// #endregion escape

function page(title: string, content: string) {
  return (
    '<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n' +
    `<title>${escapeMarkup(title)}</title>\n${content}\n</html>\n`
  );
}

function xml(content: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${content}\n`;
}
