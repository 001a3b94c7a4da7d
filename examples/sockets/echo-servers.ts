// Where the playground's TCP and UDP echo servers listen, and their
// limits, as GET /sockets/echo reports them. The client demos ask
// first, so the same demo works on any port, including the ones the
// tests pick.

import type { DemoIO } from '../demo-io.ts';

/** What GET /sockets/echo answers. */
export interface EchoServerInfo {
  tcp: { port: number; maxLineBytes: number; idleTimeoutMs: number };
  udp: { port: number; maxDatagramBytes: number };
}

/** The echo servers, and the host they share with the playground. */
export interface EchoServers extends EchoServerInfo {
  host: string;
}

/** Asks the playground where its echo servers are. */
export async function findEchoServers(io: DemoIO): Promise<EchoServers> {
  const url = io.url('/sockets/echo');
  const response = await fetch(url, { signal: io.signal });
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  const info = (await response.json()) as EchoServerInfo;
  // They listen on the playground's own address; an IPv6 one comes
  // in brackets in a URL, and without them in a socket address.
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, ...info };
}
