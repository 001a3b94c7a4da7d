// The limits a WebSocket client can hit, each an error with a stable
// code and its answer: an HTTP status before the upgrade, or a close
// code after it. Made here and nowhere else.

import { CloseCode } from '../examples/websocket/close-codes.ts';

type LimitCode = 'WS_TOO_MANY_SOCKETS' | 'WS_TOO_MANY_MESSAGES' | 'WS_IDLE';

/**
 * A limit a client hit, and its answer: an HTTP status before the
 * upgrade, or a close code after it.
 */
class WebSocketLimitError extends Error {
  override name = 'WebSocketLimitError';
  readonly code: LimitCode;
  readonly status: number | undefined;
  readonly closeCode: number | undefined;

  constructor(
    code: LimitCode,
    message: string,
    answer: { status: number } | { closeCode: number },
  ) {
    super(message);
    this.code = code;
    this.status = 'status' in answer ? answer.status : undefined;
    this.closeCode = 'closeCode' in answer ? answer.closeCode : undefined;
  }
}

/** Every limit error, made here and nowhere else. */
export const limitErrors = {
  tooManySockets: (max: number) =>
    new WebSocketLimitError(
      'WS_TOO_MANY_SOCKETS',
      `This address already has ${max} WebSockets open here, the most ` +
        'it may; close one and try again',
      { status: 429 },
    ),
  // A close reason may be at most 123 bytes; this one is far shorter.
  tooManyMessages: (perSecond: number) =>
    new WebSocketLimitError(
      'WS_TOO_MANY_MESSAGES',
      `too many messages: at most ${perSecond} a second`,
      // 1008: policy violation.
      { closeCode: CloseCode.POLICY_VIOLATION },
    ),
  idle: (idleMs: number) =>
    new WebSocketLimitError('WS_IDLE', `idle for ${idleMs / 1000} s`, {
      closeCode: CloseCode.NORMAL,
    }),
};
