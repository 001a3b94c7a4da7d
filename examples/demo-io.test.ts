import { expect, test } from 'vitest';
import {
  createDemoIO,
  describeError,
  formatData,
  formatLine,
  type Line,
  type RunnerOptions,
  runDemo,
} from './demo-io.ts';

/** Runner options with a fake clock that advances 5 ms per reading. */
function recorder(base = 'http://127.0.0.1:8080', signal = new AbortController().signal) {
  const lines: Line[] = [];
  let clock = 0;
  const options: RunnerOptions = {
    base,
    WebSocket,
    signal,
    emit: (line) => lines.push(line),
    now: () => (clock += 5),
  };
  return { lines, options };
}

test('url() keeps the playground origin and picks the scheme', () => {
  const io = createDemoIO(recorder('https://play.example:8443/').options);
  expect(io.url('/healthz')).toBe('https://play.example:8443/healthz');
  expect(io.url('/ws/echo', 'ws')).toBe('wss://play.example:8443/ws/echo');
  const local = createDemoIO(recorder('http://[::1]:8080').options);
  expect(local.url('/ws/echo', 'ws')).toBe('ws://[::1]:8080/ws/echo');
});

test('lines carry direction, time since start, and text or bytes', () => {
  const { lines, options } = recorder();
  const io = createDemoIO(options);
  io.log('opened', 3, { ok: true }, new Error('boom'), 7n);
  io.sent('ping');
  io.received(new Uint8Array([1, 2, 255]).buffer);
  io.received(new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
  expect(lines).toEqual([
    { at: 5, direction: 'info', data: 'opened 3 {"ok":true} boom 7n' },
    { at: 10, direction: 'sent', data: 'ping' },
    { at: 15, direction: 'received', data: new Uint8Array([1, 2, 255]) },
    { at: 20, direction: 'received', data: new Uint8Array([8, 7]) },
  ]);
});

test('binary data reads as length and hex', () => {
  expect(formatData('text stays text')).toBe('text stays text');
  expect(formatData(new Uint8Array([0]))).toBe('1 byte: 00');
  expect(formatData(new Uint8Array([0xca, 0xfe]))).toBe('2 bytes: ca fe');
  expect(formatData(new Uint8Array())).toBe('0 bytes: ');
});

test('a demo that throws ends with an error line, not an exception', async () => {
  const { lines, options } = recorder();
  const ok = await runDemo(async (io) => {
    io.log('about to fail');
    throw new Error('the server said no');
  }, options);
  expect(ok).toBe(false);
  expect(lines.map(formatLine)).toEqual(['info about to fail', 'error the server said no']);
});

test('an abort ends the run even when the demo ignores the signal', async () => {
  const stop = new AbortController();
  const { lines, options } = recorder(undefined, stop.signal);
  const run = runDemo(() => new Promise(() => {}), options);
  stop.abort(new DOMException('by the reader', 'AbortError'));
  expect(await run).toBe(false);
  expect(formatLine(lines.at(-1)!)).toBe('error stopped: by the reader');
});

test('a time limit reads as one', () => {
  const signal = AbortSignal.abort(new DOMException('time limit of 30 s reached', 'TimeoutError'));
  expect(describeError(new Error('x'), signal)).toBe('stopped: time limit of 30 s reached');
  expect(describeError('plain')).toBe('plain');
});

test('show() hands a structured value to a named view', () => {
  const { lines, options } = recorder();
  const io = createDemoIO(options);
  io.show('table', [{ transport: 'polling', requests: 10 }]);
  expect(lines).toEqual([
    { at: 5, direction: 'view', view: 'table', value: [{ transport: 'polling', requests: 10 }] },
  ]);
  expect(formatLine(lines[0]!)).toBe('view table [{"transport":"polling","requests":10}]');
  expect(formatLine({ at: 0, direction: 'sent', data: new Uint8Array([1]) })).toBe(
    'sent 1 byte: 01',
  );
});
