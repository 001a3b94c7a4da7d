import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('the request comes back exactly as sent: order, spelling, Origin', async () => {
  const raw = await openRaw(`${server.url.replace('http', 'ws')}/ws/handshake?x=1`, {
    Origin: server.url,
    'X-Spelled-ODDLY': 'kept',
  });
  await raw.close;
  const [request, response, close] = serverFrames(raw.received());
  const key = /Sec-WebSocket-Key: (\S+)/.exec(request!.payload.toString())?.[1];
  const { host } = new URL(server.url);
  expect(request!.payload.toString()).toBe(
    [
      'GET /ws/handshake?x=1 HTTP/1.1',
      `Host: ${host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      `Origin: ${server.url}`,
      'X-Spelled-ODDLY: kept',
    ].join('\n'),
  );
  // The response lines are the ones that went out before the frames.
  expect(response!.payload.toString().split('\n')).toEqual(raw.response.split('\r\n'));
  expect(close).toMatchObject({ opcode: 0x8 });
  expect(close!.payload.subarray(2).toString()).toBe('handshake shown');
});

// #region origin
test('a page from another site is refused: 403', async () => {
  const url = `${server.url.replace('http', 'ws')}/ws/handshake`;
  const raw = await openRaw(url, { Origin: 'https://evil.example' });
  expect(raw.response).toMatch(/^HTTP\/1.1 403 Forbidden\r\n/);
  await raw.close;
  expect(raw.received().toString()).toBe(
    'Origin https://evil.example may not open WebSockets here; ' +
      'only this site and ALLOWED_ORIGINS may\n',
  );
});
// #endregion origin
