import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { PING, watchSilence } from './client-heartbeat.ts';

/** A stand-in socket: what was sent, and a way to deliver a message. */
function fakeSocket() {
  const target = new EventTarget();
  const sent: string[] = [];
  return {
    sent,
    deliver: () => target.dispatchEvent(new Event('message')),
    send: (data: string) => sent.push(data),
    addEventListener: (type: 'message', listener: () => void) =>
      target.addEventListener(type, listener),
    removeEventListener: (type: 'message', listener: () => void) =>
      target.removeEventListener(type, listener),
  };
}

describe('watchSilence on a clock the test moves', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const timing = { quietMs: 1_000, timeoutMs: 500 };

  test('silence: a ping after quietMs, dead timeoutMs later, once', () => {
    const ws = fakeSocket();
    const dead = vi.fn();
    watchSilence(ws, timing, dead);
    vi.advanceTimersByTime(999);
    expect(ws.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ws.sent).toEqual([PING]);
    vi.advanceTimersByTime(499);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(ws.sent).toEqual([PING]);
  });

  test('an answer to the ping keeps the connection alive', () => {
    const ws = fakeSocket();
    const dead = vi.fn();
    watchSilence(ws, timing, dead);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(1_000);
      vi.advanceTimersByTime(200);
      ws.deliver(); // the pong
    }
    expect(ws.sent).toEqual([PING, PING, PING, PING, PING]);
    expect(dead).not.toHaveBeenCalled();
  });

  test('a busy connection never pings', () => {
    const ws = fakeSocket();
    const dead = vi.fn();
    watchSilence(ws, timing, dead);
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(900);
      ws.deliver();
    }
    expect(ws.sent).toEqual([]);
    expect(dead).not.toHaveBeenCalled();
  });

  test('stop() ends the watch', () => {
    const ws = fakeSocket();
    const dead = vi.fn();
    const stop = watchSilence(ws, timing, dead);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(ws.sent).toEqual([]);
    expect(dead).not.toHaveBeenCalled();
  });
});

describe('watchSilence against /ws/flaky', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test('pings answered while the server counts, found dead once it hangs', async () => {
    const url = `${server.url.replace('http', 'ws')}/ws/flaky?after=5&mode=hang`;
    const ws = new WebSocket(url);
    const received: string[] = [];
    ws.addEventListener('message', (event) => received.push(String(event.data)));
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    // Quieter than the count's 100 ms: it pings between counts.
    await new Promise<void>((resolve) => {
      watchSilence(ws, { quietMs: 60, timeoutMs: 200 }, () => {
        ws.close();
        resolve();
      });
    });
    const counts = received.filter((m) => m.includes('count'));
    expect(counts).toEqual([1, 2, 3, 4, 5].map((seq) => JSON.stringify({ type: 'count', seq })));
    expect(received).toContain('{"type":"pong"}');
    // Nothing came after the fifth count but the pongs it answered before.
    expect(received.at(-1)).toBe(counts.at(-1));
  });
});
