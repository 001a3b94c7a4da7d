// Who a reader is, as the three ways of authenticating a WebSocket
// establish it, and the answer each of them gives that reader: every
// message comes back with who the server believes sent it, and which
// way told it so.
//
// The reader is named by the bearer token of the notes API
// (examples/rest/bearer-token.ts), with the same rule. Here, as there,
// the token names a scope and proves nothing; a real server would
// check it with whoever issued it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { bearerToken } from '../rest/bearer-token.ts';
import { Problem, sendProblem } from '../rest/problem.ts';
import { CloseCode } from './close-codes.ts';

/** How the server came to know the reader. */
export type Via = 'ticket' | 'cookie' | 'first-message';

// #region who
/**
 * How the server names a reader: the token's last four characters.
 * Never the whole token: whatever is echoed can end up in a log.
 */
export function whoOf(token: string): string {
  return `token …${token.slice(-4)}`;
}
// #endregion who

/**
 * The request's bearer token; or null, after answering 401 with a
 * problem document that says how to send one.
 */
export function bearerOf(req: IncomingMessage, res: ServerResponse) {
  try {
    return bearerToken(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    sendProblem(res, error);
    return null;
  }
}

// #region answer
/** Answers each text message with who sent it, and how we know. */
export function answerAs(ws: WebSocket, who: string, via: Via) {
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(CloseCode.UNSUPPORTED_DATA, 'text messages only');
      return;
    }
    ws.send(JSON.stringify({ you: who, via, echo: String(data) }));
  });
  // Protocol errors close the socket by themselves (echo-server.ts).
  ws.on('error', () => {});
}
// #endregion answer
