import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../tests/support/playground.ts';
import { openRaw } from '../tests/support/raw-websocket.ts';
import type { RunningServer } from './server.ts';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ wsInspectors: 2, wsInspectFrames: 3 });
  base = server.url.replace('http', 'ws');
});
afterAll(() => server.close());

/** Opens a WebSocket and waits for it; collects what it receives. */
async function open(path: string) {
  const ws = new WebSocket(`${base}${path}`);
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(String(data)));
  const closed = new Promise<[number, string]>((resolve) => {
    ws.once('close', (code, reason) => resolve([code, String(reason)]));
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

test('frames beyond the limit are counted, not sent', async () => {
  const inspector = await open('/ws/raw-inspect?id=limit-test-1');
  const echo = await open('/ws/raw-echo?inspect=limit-test-1');
  echo.ws.send('a');
  echo.ws.send('b');
  await expect.poll(() => echo.messages.length).toBe(2);
  echo.ws.close(1000);
  // Seven frames: a and b read and written, then the closes, less 3.
  expect(await inspector.closed).toEqual([1000, 'connection closed; 3 more frames not shown']);
  expect(inspector.messages.map((m) => JSON.parse(m).label)).toEqual(['read', 'wrote', 'read']);
});

test('a connection without a matching inspector is an ordinary echo', async () => {
  const echo = await open('/ws/raw-echo?inspect=nobody-watches');
  echo.ws.send('plain');
  await expect.poll(() => echo.messages).toEqual(['plain']);
  echo.ws.close();
});

test('an id is used once: a second connection naming it is not inspected', async () => {
  const inspector = await open('/ws/raw-inspect?id=used-once-1');
  const first = await open('/ws/raw-echo?inspect=used-once-1');
  const second = await open('/ws/raw-echo?inspect=used-once-1');
  second.ws.send('unseen');
  await expect.poll(() => second.messages.length).toBe(1);
  second.ws.close();
  first.ws.close();
  await inspector.closed;
  expect(inspector.messages.map((m) => JSON.parse(m).says)).toEqual(['', '']);
});

describe('what the inspector endpoint refuses', () => {
  test.each([
    ['no id', '/ws/raw-inspect'],
    ['an id with a slash', '/ws/raw-inspect?id=abc%2Fdefghij'],
  ])('$0 gets 400', async (_, path) => {
    const raw = await openRaw(`${base}${path}`);
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    await raw.close;
    expect(raw.received().toString()).toBe('id must be 8 to 64 letters, digits, "-" or "_"\n');
  });

  test('an id already watched gets 409', async () => {
    const inspector = await open('/ws/raw-inspect?id=taken-id-1');
    const raw = await openRaw(`${base}/ws/raw-inspect?id=taken-id-1`);
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 409 Conflict');
    await raw.close;
    expect(raw.received().toString()).toBe('id taken-id-1 is already being watched\n');
    inspector.ws.close();
  });

  test('one inspector more than WS_INSPECTORS gets 503', async () => {
    const a = await open('/ws/raw-inspect?id=many-ids-1');
    const b = await open('/ws/raw-inspect?id=many-ids-2');
    const raw = await openRaw(`${base}/ws/raw-inspect?id=many-ids-3`);
    expect(raw.response.split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
    await raw.close;
    expect(raw.received().toString()).toBe('too many inspectors are open; try again soon\n');
    a.ws.close();
    b.ws.close();
    await Promise.all([a.closed, b.closed]);
  });
});
