import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { acceptKey } from './handshake.ts';
import { run } from './handshake-client.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('the demo prints its own request and the 101 that answered it', async () => {
  const result = await runInNode(run, server.url);
  const { host } = new URL(server.url);
  expect(result.text).toEqual([
    `info connected to ws://${host}/ws/handshake`,
    expect.stringMatching(/^received GET \/ws\/handshake HTTP\/1\.1\n/),
    expect.stringMatching(/^received HTTP\/1\.1 101 Switching Protocols\n/),
    'info closed with code 1000 handshake shown',
  ]);
  const request = result.text[1]!;
  // Node's WebSocket sends what a browser sends, less Origin, and
  // spells header names in lower case (they are case-insensitive).
  expect(request.toLowerCase()).toContain(`\nhost: ${host}\n`);
  expect(request).toMatch(/\nUpgrade: websocket\n/i);
  expect(request).toMatch(/\nConnection: upgrade\n/i);
  expect(request).toMatch(/\nSec-WebSocket-Version: 13\n/i);
  const key = /\nSec-WebSocket-Key: (\S+)/i.exec(request)?.[1];
  expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  // ws's answer carries the accept that handshake.ts computes.
  expect(result.text[2]).toBe(
    'received HTTP/1.1 101 Switching Protocols\n' +
      'Upgrade: websocket\n' +
      'Connection: Upgrade\n' +
      `Sec-WebSocket-Accept: ${acceptKey(key!)}`,
  );
  expect(result.ok).toBe(true);
});
