import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type RunningServer,
  runInNode,
  startTestServer,
  withTls,
} from '../../tests/support/playground.ts';
import { run } from './tls-refusals.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer(withTls());
});
afterAll(() => server?.close());

test('self-signed, wrong name and expired are refused, each with its code; the playground’s own certificate as CA is accepted', async () => {
  const { ok, text } = await runInNode(run, server.url);
  expect(text).toEqual([
    'info trusting the usual CAs: DEPTH_ZERO_SELF_SIGNED_CERT',
    'info trusting it, dialled as example.org: ERR_TLS_CERT_ALTNAME_INVALID',
    'info trusting an expired one: CERT_HAS_EXPIRED',
    "info trusting the playground's certificate: authorized true",
    'received HTTP/1.1 200 OK',
  ]);
  expect(ok).toBe(true);
});
