// The guards every request passes before any endpoint or the site
// sees it, whichever server hosts the playground: `npm start`
// (server.ts) and `npm run dev` (astro-integration.ts) alike. Each
// refusal is an HTTP status with a body that says why.
//
// (Bodies are each endpoint's own business: those that take one
// refuse one too large with 413 before reading it whole; the others
// never read it, and Node discards it within REQUEST_TIMEOUT_MS.)

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from '../examples/http-reply.ts';
import type { Config } from './config.ts';

/** A path of unreserved characters and slashes, not starting "//". */
const PLAIN_PATH = /^\/(?!\/)[\w.~/-]*$/;

/** A request refused before any endpoint sees it. */
export interface Refusal {
  status: number;
  why: string;
}

/**
 * A request target that is no URL (such as "//%zz", which would name
 * a host), or too many header lines. An absolute-form target
 * ("http://host/path") is a URL, and is routed by its path.
 */
export function refusalOf(
  req: IncomingMessage,
  config: Pick<Config, 'maxHeaders'>,
): Refusal | undefined {
  // Every endpoint reads its path with new URL(), which would throw.
  // A plain path ("/rpc") always parses: only the rest pay for it.
  const target = req.url ?? '/';
  if (!PLAIN_PATH.test(target) && !URL.canParse(target, 'http://playground')) {
    return {
      status: 400,
      why: 'The request target is not a path this server can read; send one such as /docs/',
    };
  }
  if (req.rawHeaders.length / 2 <= config.maxHeaders) return undefined;
  return {
    status: 431,
    why:
      `This request has more than ${config.maxHeaders} header lines, ` +
      'the most this server takes; send fewer',
  };
}

/** Answers a refusal and closes the connection, leaving any body unread. */
export function refuse(res: ServerResponse, { status, why }: Refusal) {
  sendText(res, status, why, { connection: 'close' });
}
