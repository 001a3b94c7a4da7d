// Which pages may open a WebSocket to this server.
//
// A browser sends `Origin` with every WebSocket handshake, but it
// enforces no same-origin rule on WebSockets: the page gets the
// connection whatever the server's origin. So the server must look.
// Without the check, any site a reader visits could open a socket to
// this server in the reader's name, with every cookie SameSite lets
// through (SameSite=None ones, and all of them for a page on another
// subdomain of the same site): cross-site WebSocket hijacking.

// #region check
/**
 * True when a handshake's Origin may connect: this site's own
 * (the same host the request was sent to), or one on the allow-list.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  // No Origin: not a browser page, so no reader's cookies to abuse.
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // Includes "null", which sandboxed pages and local files send.
    return false;
  }
  return (
    url.host.toLowerCase() === host?.toLowerCase() ||
    allowed.includes(url.origin)
  );
}
// #endregion check
