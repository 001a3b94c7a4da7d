// Who a request comes from, for every per-address limit (WebSockets
// per address, server-run demos per address).
//
// By default that is the TCP peer. Behind a load balancer the peer is
// the balancer, so every reader would share one address and one
// allowance. With TRUST_PROXY listing the balancers, a request whose
// peer is one of them is counted against the address they say it came
// from: X-Forwarded-For's right-most entry that is not itself a
// trusted proxy. Not the left-most: each proxy appends the address it
// saw, so the entries left of the first trusted hop are whatever the
// client chose to send, and anyone can send "X-Forwarded-For: 1.2.3.4".

import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Finds the client address of a request. */
export type ClientAddressOf = (req: IncomingMessage) => string;

/** The address rule for TRUST_PROXY's addresses and ranges. */
export function clientAddressOf(trusted: readonly string[]): ClientAddressOf {
  if (trusted.length === 0) return (req) => peerOf(req);
  const proxies = new BlockList();
  for (const entry of trusted) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(bits), type);
  }
  const isProxy = (address: string) => {
    const family = isIP(address);
    return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (req) => forwardedClient(peerOf(req), req.headers['x-forwarded-for'], isProxy);
}

/**
 * The client behind a chain of proxies: walking X-Forwarded-For from
 * the right, the first address that is not a trusted proxy. When the
 * peer itself is not trusted, the header is ignored; when every entry
 * is trusted, the left-most is the best there is.
 */
export function forwardedClient(
  peer: string,
  header: string | string[] | undefined,
  isProxy: (address: string) => boolean,
): string {
  if (!isProxy(peer) || header === undefined) return peer;
  const hops = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((hop) => normalize(hop.trim()));
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // Garbage is no address: stop at it, and count the last good hop.
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isProxy(hop)) break;
  }
  return client;
}

/** The TCP peer, with IPv4-mapped IPv6 written as IPv4. */
function peerOf(req: IncomingMessage) {
  return normalize(req.socket.remoteAddress ?? 'unknown');
}

function normalize(address: string) {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
