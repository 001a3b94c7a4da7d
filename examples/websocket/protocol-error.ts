// Every way a peer can break RFC 6455, in one table.
//
// Like ws's receiver, the decoder never closes a connection itself: it
// throws a ProtocolError, and the one place that catches it sends a
// close frame with the error's `closeCode`. Each error has a stable
// `code` that tests and logs can match, whatever the message says.

// #region table
/** Each violation's close code (RFC 6455 §7.4.1) and explanation. */
export const PROTOCOL_ERRORS = {
  WS_ERR_UNEXPECTED_RSV: [1002, 'a reserved bit is set'],
  WS_ERR_INVALID_OPCODE: [1002, 'the opcode is reserved'],
  WS_ERR_EXPECTED_MASK: [1002, 'a client frame must be masked'],
  WS_ERR_UNEXPECTED_MASK: [1002, 'a server frame must not be masked'],
  WS_ERR_FRAGMENTED_CONTROL: [1002, 'a fragmented control frame'],
  WS_ERR_CONTROL_TOO_LONG: [1002, 'a control frame over 125 bytes'],
  WS_ERR_INVALID_LENGTH: [1002, 'a 64-bit length with its top bit set'],
  WS_ERR_UNEXPECTED_CONTINUATION: [1002, 'nothing to continue'],
  WS_ERR_EXPECTED_CONTINUATION: [1002, 'a new message inside another'],
  WS_ERR_INVALID_CLOSE_LENGTH: [1002, 'a close payload of one byte'],
  WS_ERR_INVALID_CLOSE_CODE: [1002, 'a close code none may send'],
  WS_ERR_INVALID_UTF8: [1007, 'text that is not valid UTF-8'],
  WS_ERR_TOO_BIG: [1009, 'a message over the size limit'],
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
