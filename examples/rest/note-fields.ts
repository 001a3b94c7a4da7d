// What a note is, checked at the door: the body of a POST or PUT, or
// a note after a PATCH, must be an object with a `title` and a `body`.
// JSON that is well formed but is not a note gets 422 Unprocessable
// Content, with a detail that says which member is wrong and how.

import type { NoteFields } from './note-store.ts';
import { Problem } from './problem.ts';

// #region note
/** The longest title a note may have, in characters. */
export const MAX_TITLE = 200;

/**
 * The fields of a note, checked: an object with a `title` (1 to 200
 * characters) and a `body` (any length the size limit allows), both
 * well-formed text without control characters other than line breaks
 * and tabs, so that every representation of it is valid.
 */
export function toNoteFields(value: unknown, id?: string): NoteFields {
  const refuse = (why: string) => {
    throw new Problem(
      'invalid-note',
      `${why} A note is an object ` +
        'like {"title":"Milk","body":"2 litres"}.',
    );
  };
  if (!isObject(value)) {
    return refuse('The body is JSON, but not an object.');
  }
  const { title, body, ...rest } = value;
  for (const name of Object.keys(rest)) {
    // A note read with GET has its id; sending it back is fine.
    const given = String(rest['id']);
    if (name === 'id' && (id === undefined || given === id)) continue;
    if (name === 'id') {
      refuse(`Its id "${given}" is not the "${id}" in the URL.`);
    }
    refuse(`It has a member "${name}", which notes do not have.`);
  }
  checkText('title', title, 1, MAX_TITLE, refuse);
  checkText('body', body, 0, Infinity, refuse);
  return { title: title as string, body: body as string };
}
// #endregion note

// #region text
/** A text member, checked: a string of `min` to `max` characters. */
function checkText(
  name: string,
  value: unknown,
  min: number,
  max: number,
  refuse: (why: string) => never,
) {
  if (typeof value !== 'string') {
    return refuse(`Its "${name}" must be a string.`);
  }
  const length = [...value].length;
  if (length < min || length > max) {
    refuse(
      `Its "${name}" has ${length} characters; it may have ` +
        `${min} to ${max}.`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  const control = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;
  if (!value.isWellFormed() || control.test(value)) {
    refuse(`Its "${name}" contains control characters or broken Unicode.`);
  }
}
// #endregion text

// #region patch
/**
 * A JSON merge patch applied to `target`, as RFC 7396 (section 2)
 * defines it: each member of the patch replaces the target's, null
 * removes one, and an object merges into an object, member by member.
 * A patch that is not an object replaces the target whole. `target`
 * itself is left as it was.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = mergePatch(merged[name], value);
  }
  return merged;
}
// #endregion patch

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
