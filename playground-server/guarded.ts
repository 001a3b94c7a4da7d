// The playground's last word on a request whose handler rejected: the
// examples answer every bad request themselves, so a rejection is a
// bug in them, or Redis out of reach.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../examples/http-reply.ts';
import type { RequestHandler } from './mount.ts';
import { RedisUnavailable } from './shared-redis.ts';

/**
 * Redis out of reach is answered with 503 and Retry-After; a bug is
 * logged and answered with 500, and the server goes on. A client that
 * hung up while sending its body is no bug, and any visitor can do it
 * at will: that is not logged.
 */
export function guarded(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): RequestHandler {
  return (req, res) => {
    handler(req, res).catch((error: unknown) => {
      const { code } = error as NodeJS.ErrnoException;
      if (req.destroyed && code === 'ECONNRESET') return;
      if (error instanceof RedisUnavailable && !res.headersSent) {
        sendJson(res, 503, { error: error.message }, { 'retry-after': '5' });
        return;
      }
      console.error(`wirebook: ${req.method} ${req.url}:`, error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'internal error; see the server log' });
    });
  };
}
