import { describe, expect, test } from 'vitest';
import {
  acceptKey,
  acceptResponse,
  checkUpgrade,
  HandshakeError,
  refusal,
  type UpgradeRequest,
} from './handshake.ts';

// #region sample
test("RFC 6455's sample key gives its sample accept", () => {
  expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
// #endregion sample

/** The request of RFC 6455 §1.2, which a server must accept. */
const rfcRequest = (): UpgradeRequest => ({
  method: 'GET',
  httpVersion: '1.1',
  headers: {
    host: 'server.example.com',
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    origin: 'http://example.com',
    'sec-websocket-protocol': 'chat, superchat',
    'sec-websocket-version': '13',
  },
});

test('the RFC request is accepted, with its key', () => {
  expect(checkUpgrade(rfcRequest())).toBe('dGhlIHNhbXBsZSBub25jZQ==');
});

test('the 101 response carries the accept for that key', () => {
  expect(acceptResponse('dGhlIHNhbXBsZSBub25jZQ==')).toBe(
    'HTTP/1.1 101 Switching Protocols\r\n' +
      'Upgrade: websocket\r\n' +
      'Connection: Upgrade\r\n' +
      'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n',
  );
});

test('tokens are matched in any case and among others', () => {
  const request = rfcRequest();
  request.headers['upgrade'] = 'WebSocket';
  request.headers['connection'] = 'keep-alive, Upgrade';
  request.httpVersion = '2.0';
  expect(() => checkUpgrade(request)).not.toThrow();
});

describe('each wrong request says what is wrong, with its status', () => {
  const cases: [string, (r: UpgradeRequest) => void, string, number][] = [
    ['a POST', (r) => (r.method = 'POST'), 'WS_HANDSHAKE_METHOD', 405],
    ['HTTP/1.0', (r) => (r.httpVersion = '1.0'), 'WS_HANDSHAKE_HTTP_VERSION', 400],
    ['no Host', (r) => delete r.headers['host'], 'WS_HANDSHAKE_HOST', 400],
    ['Upgrade: h2c', (r) => (r.headers['upgrade'] = 'h2c'), 'WS_HANDSHAKE_UPGRADE', 400],
    [
      'Connection: close',
      (r) => (r.headers['connection'] = 'close'),
      'WS_HANDSHAKE_CONNECTION',
      400,
    ],
    ['no key', (r) => delete r.headers['sec-websocket-key'], 'WS_HANDSHAKE_KEY', 400],
    [
      'a key of 15 bytes',
      (r) => (r.headers['sec-websocket-key'] = 'AAAAAAAAAAAAAAAAAAAA'),
      'WS_HANDSHAKE_KEY',
      400,
    ],
    ['version 8', (r) => (r.headers['sec-websocket-version'] = '8'), 'WS_HANDSHAKE_VERSION', 426],
  ];

  test.each(cases)('%s', (_, spoil, code, status) => {
    const request = rfcRequest();
    spoil(request);
    let error: unknown;
    try {
      checkUpgrade(request);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(HandshakeError);
    expect(error).toMatchObject({ code, status });
  });
});

/** The HandshakeError that checkUpgrade throws for a spoiled request. */
function refused(spoil: (r: UpgradeRequest) => void) {
  const request = rfcRequest();
  spoil(request);
  try {
    checkUpgrade(request);
  } catch (thrown) {
    if (thrown instanceof HandshakeError) return thrown;
  }
  throw new Error('the request was accepted');
}

// #region refusal
test('a 426 names the protocol to upgrade to (RFC 9110 §15.5.22)', () => {
  const error = refused((r) => (r.headers['sec-websocket-version'] = '8'));
  expect(refusal(error)).toBe(
    'HTTP/1.1 426 Upgrade Required\r\n' +
      // Upgrade is for the next hop only, so Connection lists it (§7.8).
      'Upgrade: websocket\r\n' +
      'Connection: Upgrade, close\r\n' +
      // Which version of that protocol (RFC 6455 §4.2.2).
      'Sec-WebSocket-Version: 13\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'Content-Length: 33\r\n\r\n' +
      'Sec-WebSocket-Version must be 13\n',
  );
});
// #endregion refusal

test('any other refusal is a complete HTTP response that says why', () => {
  const error = refused((r) => (r.method = 'POST'));
  expect(refusal(error)).toBe(
    'HTTP/1.1 405 Method Not Allowed\r\n' +
      'Connection: close\r\n' +
      'Allow: GET\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'Content-Length: 36\r\n\r\n' +
      'a WebSocket handshake must be a GET\n',
  );
});
