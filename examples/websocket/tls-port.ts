// Where the playground's TLS port is and which certificate it serves,
// as GET /healthz and GET /tls/certificate.pem report them over plain
// HTTP. The TLS demos ask first, so they work on any port, including
// the ones the tests pick.

import type { DemoIO } from '../demo-io.ts';

/** The TLS port, its host, and the certificate it serves (PEM). */
export interface TlsPort {
  host: string;
  port: number;
  certificate: string;
  fingerprint256: string;
}

/** Asks the playground where its TLS port is; fails if TLS is off. */
export async function findTlsPort(io: DemoIO): Promise<TlsPort> {
  const health = await fetch(io.url('/healthz'), { signal: io.signal });
  const { tls } = (await health.json()) as {
    tls?: { port: number; fingerprint256: string } | null;
  };
  if (!tls)
    throw new Error(
      'this playground has no TLS port (TLS_PORT=off, or npm run dev)',
    );
  const pem = await fetch(io.url('/tls/certificate.pem'), {
    signal: io.signal,
  });
  // An IPv6 host comes in brackets in a URL, and without them in a
  // socket address.
  const host = new URL(io.url('/')).hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, ...tls, certificate: await pem.text() };
}
