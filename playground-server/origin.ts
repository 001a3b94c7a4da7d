// Browsers send `Origin` on every WebSocket handshake and enforce no
// same-origin rule for WebSockets themselves: checking it is the
// server's job. Without the check, any site a reader visits could open
// a socket to the playground in the reader's name (cross-site
// WebSocket hijacking).

import type { IncomingMessage } from 'node:http';

/** True when the page that opened this handshake may connect. */
export function originAllowed(request: IncomingMessage, allowed: string[]) {
  const origin = request.headers.origin;
  // No Origin: not a browser page, so no reader's cookies to abuse.
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = request.headers.host?.toLowerCase();
  return url.host.toLowerCase() === host || allowed.includes(url.origin);
}
