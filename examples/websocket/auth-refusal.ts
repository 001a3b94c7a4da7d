// Everything the three ways of authenticating a WebSocket refuse, in
// one place: each refusal's stable code, and what it maps to. Before
// the upgrade, and when a reader asks for a ticket or a session, that
// is an HTTP status with a body that starts with the code; after the
// upgrade, once a WebSocket is open, it is a close code, with a reason
// that starts with the code.

import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { refuseUpgrade, sendJson } from '../http-reply.ts';
import { CloseCode } from './close-codes.ts';

// #region catalogue
/** Refused over HTTP: the status of each. */
const HTTP_REFUSALS = {
  'missing-ticket': 401,
  'unknown-ticket': 401,
  'expired-ticket': 401,
  'used-ticket': 401,
  'missing-session': 401,
  'unknown-session': 401,
  'expired-session': 401,
  // Bounds on what the server keeps for readers it does not know yet.
  'too-many-tickets': 503,
  'too-many-sessions': 503,
  'too-many-waiting': 503,
} as const;

/** Refused after the upgrade (/ws/auth/first-message): close codes. */
const CLOSE_REFUSALS = {
  'auth-timeout': CloseCode.POLICY_VIOLATION,
  'not-auth': CloseCode.POLICY_VIOLATION,
  'invalid-token': CloseCode.POLICY_VIOLATION,
} as const;
// #endregion catalogue

/** The stable code of a refusal over HTTP. */
export type HttpRefusalCode = keyof typeof HTTP_REFUSALS;

/** The stable code of a refusal after the upgrade. */
export type CloseRefusalCode = keyof typeof CLOSE_REFUSALS;

/** A request refused: a code from the catalogue and what to do. */
export class AuthRefusal extends Error {
  override name = 'AuthRefusal';
  readonly code: HttpRefusalCode;
  readonly status: number;
  /** Headers the status calls for: WWW-Authenticate, Retry-After. */
  readonly headers: Record<string, string>;

  constructor(
    code: HttpRefusalCode,
    detail: string,
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.code = code;
    this.status = HTTP_REFUSALS[code];
    this.headers = headers;
  }
}

// #region refuse
/** Answers a handshake with the refusal, before any WebSocket exists. */
export function refuseHandshake(socket: Duplex, refusal: AuthRefusal) {
  const why = `${refusal.code}: ${refusal.message}`;
  refuseUpgrade(socket, refusal.status, why, refusal.headers);
}

/** Answers a request for a ticket or a session with the refusal. */
export function sendRefusal(res: ServerResponse, refusal: AuthRefusal) {
  const error = `${refusal.code}: ${refusal.message}`;
  sendJson(res, refusal.status, { error }, refusal.headers);
}

/** Closes an open WebSocket with the refusal's code and a reason. */
export function closeRefused(
  ws: WebSocket,
  code: CloseRefusalCode,
  detail: string,
) {
  // A close reason is at most 123 bytes (RFC 6455 §5.5): keep it short.
  ws.close(CLOSE_REFUSALS[code], `${code}: ${detail}`);
}
// #endregion refuse
