// What a reader may say on /ws/push, and what happens when a message
// is not that.
//
// A chat message is a text frame holding exactly
// {"type":"chat","text":"…"}. Two kinds of mistake get two answers:
// a client that sends binary, or text that is not that JSON shape, is
// broken, and its connection is closed with a code that says why; a
// person who sends an empty message, a long one or too many gets an
// error message and stays connected. Every error is made here, with
// its stable code and its answer.
//
// Nothing here does I/O; push-server.ts applies the answers.

import { CloseCode } from './close-codes.ts';

const { UNSUPPORTED_DATA, POLICY_VIOLATION } = CloseCode;
/** The close codes a broken chat message gets. */
type ChatCloseCode = typeof UNSUPPORTED_DATA | typeof POLICY_VIOLATION;

// #region errors
/** The stable codes of everything a chat message can get wrong. */
export type ChatErrorCode =
  | 'not-text'
  | 'not-json'
  | 'bad-shape'
  | 'empty'
  | 'too-long'
  | 'too-fast';

/** A refused chat message: closeCode, or null for an error reply. */
export class ChatError extends Error {
  override name = 'ChatError';
  readonly code: ChatErrorCode;
  readonly closeCode: ChatCloseCode | null;

  constructor(
    code: ChatErrorCode,
    message: string,
    closeCode: ChatCloseCode | null,
  ) {
    super(message);
    this.code = code;
    this.closeCode = closeCode;
  }
}

export const chatErrors = {
  notText: () =>
    new ChatError('not-text', 'chat is JSON, not binary', UNSUPPORTED_DATA),
  notJson: () =>
    new ChatError('not-json', 'a chat message must be JSON', POLICY_VIOLATION),
  badShape: () =>
    new ChatError(
      'bad-shape',
      'send exactly {"type":"chat","text":"…"}',
      POLICY_VIOLATION,
    ),
  empty: () => new ChatError('empty', 'say something first', null),
  tooLong: (max: number) =>
    new ChatError('too-long', `at most ${max} characters`, null),
  tooFast: (waitMs: number) =>
    new ChatError(
      'too-fast',
      `slow down: wait ${Math.ceil(waitMs / 1000)} s`,
      null,
    ),
};
// #endregion errors

// #region parse
/** The text of a valid chat message, or throws a ChatError. */
export function parseChat(
  data: Uint8Array,
  isBinary: boolean,
  maxChars: number,
): string {
  if (isBinary) throw chatErrors.notText();
  let value: unknown;
  try {
    // ws has already closed text that is not UTF-8 with 1007.
    value = JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw chatErrors.notJson();
  }
  const keys = isRecord(value) ? Object.keys(value).sort() : [];
  if (
    !isRecord(value) ||
    keys.join() !== 'text,type' ||
    value['type'] !== 'chat' ||
    typeof value['text'] !== 'string'
  ) {
    throw chatErrors.badShape();
  }
  const text = value['text'].trim();
  if (text === '') throw chatErrors.empty();
  // Characters as a reader counts them: code points, so an emoji is
  // one, not the two UTF-16 units of String.length.
  if ([...text].length > maxChars) throw chatErrors.tooLong(maxChars);
  return text;
}
// #endregion parse

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
