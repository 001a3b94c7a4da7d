// The gorilla client over wss: it verifies the playground's
// self-signed certificate against that certificate alone, and
// without it refuses to connect at all.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { type RunningServer, startTestServer, withTls } from '../../tests/support/playground.ts';

const withGo = needs(whyGoIsMissing());
withGo.describe('the gorilla wss client in examples/go', () => {
  let server: RunningServer;
  let client: string;
  let caFile: string;
  let port: string;

  beforeAll(async () => {
    server = await startTestServer(withTls());
    port = new URL(server.tls!.url).port;
    // What a reader does with curl: the certificate, from the playground.
    caFile = join(mkdtempSync(join(tmpdir(), 'wirebook-wss-')), 'playground.pem');
    writeFileSync(caFile, await (await fetch(`${server.url}/tls/certificate.pem`)).text());
    client = buildGo('wss-client.go');
  }, 120_000);
  afterAll(() => server?.close());

  /** Runs the client; resolves with its exit code and what it printed. */
  async function gorilla(args: string[]) {
    try {
      const { stdout } = await promisify(execFile)(client, args, { timeout: 10_000 });
      return { code: 0, output: stdout.trimEnd().split('\n') };
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      return { code, output: stderr.trimEnd().split('\n') };
    }
  }

  test.each(['localhost', '127.0.0.1'])(
    'trusting the playground’s certificate, it connects to %s over TLS 1.3 and gets its echo',
    async (host) => {
      const url = `wss://${host}:${port}/ws/echo`;
      expect(await gorilla(['-url', url, '-ca', caFile])).toEqual({
        code: 0,
        output: [
          'connected: 101 Switching Protocols',
          'tls: TLS 1.3 TLS_AES_256_GCM_SHA384',
          `verified: CN=localhost for ${host}`,
          'echo "hello over wss"',
        ],
      });
    },
  );

  test('trusting only the system’s authorities, it refuses the self-signed certificate', async () => {
    const { code, output } = await gorilla(['-url', `wss://localhost:${port}/ws/echo`]);
    expect(code).toBe(1);
    expect(output.at(-1)).toMatch(/dial: x509: certificate signed by unknown authority$/);
  });
});
