// The playground's Origin check on every WebSocket upgrade; the rule
// itself is taught, and tested, in examples/websocket/origin.ts.

import type { IncomingMessage } from 'node:http';
import { originAllowed as allowed } from '../examples/websocket/origin.ts';

/** True when the page that opened this handshake may connect. */
export function originAllowed(request: IncomingMessage, allowedOrigins: string[]) {
  return allowed(request.headers.origin, request.headers.host, allowedOrigins);
}
