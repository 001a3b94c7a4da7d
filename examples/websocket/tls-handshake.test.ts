import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type RunningServer,
  runInNode,
  startTestServer,
  withTls,
} from '../../tests/support/playground.ts';
import { run } from './tls-handshake.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer(withTls());
});
afterAll(() => server?.close());

test('it prints what the handshake settled and the certificate shown, which a verifying client would not trust', async () => {
  const { ok, text } = await runInNode(run, server.url);
  const cert = new X509Certificate(server.tls!.files.cert);
  expect(text).toEqual([
    'info protocol: TLSv1.3',
    'info cipher: TLS_AES_256_GCM_SHA384',
    'info ALPN: http/1.1; SNI sent: localhost',
    'info subject: CN=localhost; issuer: CN=localhost',
    'info names: DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    `info valid: ${cert.validFrom} to ${cert.validTo}`,
    `info SHA-256: ${cert.fingerprint256}`,
    'info trusted: false (DEPTH_ZERO_SELF_SIGNED_CERT)',
  ]);
  expect(ok).toBe(true);
});

test('on a playground without TLS it says so', async () => {
  const plain = await startTestServer();
  try {
    const { ok, text } = await runInNode(run, plain.url);
    expect(ok).toBe(false);
    expect(text.at(-1)).toMatch(
      /this playground has no TLS port \(TLS_PORT=off, or npm run dev\)$/,
    );
  } finally {
    await plain.close();
  }
});
