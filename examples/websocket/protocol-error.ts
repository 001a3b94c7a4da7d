// Every way a peer can break RFC 6455, in one table.
//
// Like ws's receiver, the decoder never closes a connection itself: it
// throws a ProtocolError, and the one place that catches it sends a
// close frame with the error's `closeCode`. Each error has a stable
// `code` that tests and logs can match, whatever the message says.

import { CloseCode } from './close-codes.ts';

const { PROTOCOL_ERROR, INVALID_PAYLOAD, MESSAGE_TOO_BIG } = CloseCode;

// #region table
/** Each violation's close code (RFC 6455 §7.4.1) and explanation. */
export const PROTOCOL_ERRORS = {
  WS_ERR_UNEXPECTED_RSV: [PROTOCOL_ERROR, 'a reserved bit is set'],
  WS_ERR_INVALID_OPCODE: [PROTOCOL_ERROR, 'the opcode is reserved'],
  WS_ERR_EXPECTED_MASK: [PROTOCOL_ERROR, 'a client frame must be masked'],
  WS_ERR_UNEXPECTED_MASK: [PROTOCOL_ERROR, 'a server frame must not be masked'],
  WS_ERR_FRAGMENTED_CONTROL: [PROTOCOL_ERROR, 'a fragmented control frame'],
  WS_ERR_CONTROL_TOO_LONG: [PROTOCOL_ERROR, 'a control frame over 125 bytes'],
  WS_ERR_INVALID_LENGTH: [
    PROTOCOL_ERROR,
    'a 64-bit length with its top bit set',
  ],
  WS_ERR_UNEXPECTED_CONTINUATION: [PROTOCOL_ERROR, 'nothing to continue'],
  WS_ERR_EXPECTED_CONTINUATION: [
    PROTOCOL_ERROR,
    'a new message inside another',
  ],
  WS_ERR_INVALID_CLOSE_LENGTH: [PROTOCOL_ERROR, 'a close payload of one byte'],
  WS_ERR_INVALID_CLOSE_CODE: [PROTOCOL_ERROR, 'a close code none may send'],
  WS_ERR_INVALID_UTF8: [INVALID_PAYLOAD, 'text that is not valid UTF-8'],
  WS_ERR_TOO_BIG: [MESSAGE_TOO_BIG, 'a message over the size limit'],
} as const;
// #endregion table

/** The stable name of one kind of violation. */
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERRORS;

// #region class
/** A peer broke the protocol; close the connection with `closeCode`. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  readonly closeCode: number;

  constructor(code: ProtocolErrorCode) {
    const [closeCode, message] = PROTOCOL_ERRORS[code];
    super(message);
    this.code = code;
    this.closeCode = closeCode;
  }
}
// #endregion class
