// What the TCP and UDP echo servers refuse, made in one place.
//
// A plain socket has no status codes or close codes, so the servers
// answer a refusal in the protocol's own unit: one last line on TCP
// (then they close), one datagram on UDP. Each refusal has a stable
// code a client can match on, and a message a person can read.

// #region errors
/** The codes the echo servers refuse with. */
export type EchoErrorCode =
  | 'LINE_TOO_LONG'
  | 'IDLE_TIMEOUT'
  | 'TOO_MANY_CONNECTIONS'
  | 'DATAGRAM_TOO_LARGE';

/** A refusal: what the peer is told before the server lets go. */
export class EchoError extends Error {
  override name = 'EchoError';
  readonly code: EchoErrorCode;

  constructor(code: EchoErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** The refusal as the peer receives it, e.g. on one line. */
  get text(): string {
    return `error ${this.code}: ${this.message}`;
  }
}

/** Every refusal, by situation. */
export const refusals = {
  lineTooLong: (max: number) =>
    new EchoError('LINE_TOO_LONG', `line longer than ${max} bytes`),
  idle: (ms: number) =>
    new EchoError('IDLE_TIMEOUT', `nothing received for ${ms} ms`),
  busy: (max: number) =>
    new EchoError(
      'TOO_MANY_CONNECTIONS',
      `the server is at its limit of ${max} connections; try later`,
    ),
  datagramTooLarge: (size: number, max: number) =>
    new EchoError(
      'DATAGRAM_TOO_LARGE',
      `${size} bytes is over the limit of ${max}; nothing echoed`,
    ),
};
// #endregion errors
