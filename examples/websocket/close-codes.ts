// The close codes, each named once. A close frame carries one as its
// first two bytes; every example and the playground use these names,
// never the numbers.
//
// RFC 6455 §7.4.1 defines 1000–1011 and 1015; the IANA "WebSocket
// Close Code Number Registry" it set up (§11.7) has since added
// 1012–1014. 1004 is reserved, and 1005, 1006 and 1015 only report
// what happened locally: they never go on the wire (§7.4.1).
// 3000–3999 are registered by libraries and frameworks, 4000–4999
// are private to an application (§7.4.2).

/** RFC 6455 §7.4.1 and IANA's registry: what each close code means. */
export const CloseCode = {
  /** The purpose of the connection is fulfilled. */
  NORMAL: 1000,
  /** Going away: a server shutting down, a page left. */
  GOING_AWAY: 1001,
  /** The peer broke the protocol. */
  PROTOCOL_ERROR: 1002,
  /** A type of data the endpoint cannot accept (text, binary). */
  UNSUPPORTED_DATA: 1003,
  /** Reserved; meaning may be defined later. */
  RESERVED: 1004,
  /** Reported when a close frame had no code; never sent. */
  NO_STATUS: 1005,
  /** Reported when the connection ended without a close; never sent. */
  ABNORMAL: 1006,
  /** A message whose data does not match its type (bad UTF-8). */
  INVALID_PAYLOAD: 1007,
  /** A message that breaks the endpoint's policy. */
  POLICY_VIOLATION: 1008,
  /** A message too big to process. */
  MESSAGE_TOO_BIG: 1009,
  /** The client needed an extension the server did not agree to. */
  MANDATORY_EXTENSION: 1010,
  /** The server met a condition it could not handle. */
  INTERNAL_ERROR: 1011,
  /** The server is restarting (IANA). */
  SERVICE_RESTART: 1012,
  /** Try again later: the server is overloaded (IANA). */
  TRY_AGAIN_LATER: 1013,
  /** A gateway got an invalid answer upstream (IANA). */
  BAD_GATEWAY: 1014,
  /** Reported when the TLS handshake failed; never sent. */
  TLS_HANDSHAKE: 1015,
} as const;

/** One of the registered close codes. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
