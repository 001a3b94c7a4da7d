// What the TLS port (server.ts) tells clients over plain HTTP: where
// it is and which certificate it serves, in /healthz, and the
// certificate itself at GET /tls/certificate.pem, so that a client
// (the page's cells, Go, curl --cacert) can trust exactly that one.
// A certificate is public: serving it gives nothing away.

import { allowMethods, sendJson } from '../../examples/http-reply.ts';
import type { Mount } from '../mount.ts';

const NO_TLS_PORT = 'this playground has no TLS port (TLS_PORT=off, or npm run dev)';

/** The TLS port as /healthz and the certificate endpoint see it. */
export interface TlsEndpoint {
  /** The port, once it listens. */
  port(): number;
  /** The certificate chain served, PEM. */
  certificate: string;
  fingerprint256: string;
}

/** The `tls` part of /healthz and GET /tls/certificate.pem; `null`: TLS is off. */
export function tlsMount(tls: TlsEndpoint | null): Mount {
  return {
    name: 'tls',
    http: {
      '/tls/certificate.pem': (req, res) => {
        if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
        if (!tls) {
          sendJson(res, 404, { error: NO_TLS_PORT });
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/x-pem-file',
          'content-length': Buffer.byteLength(tls.certificate),
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : tls.certificate);
      },
    },
    health: () => (tls ? { port: tls.port(), fingerprint256: tls.fingerprint256 } : null),
  };
}
