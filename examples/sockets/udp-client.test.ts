import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { standIn } from '../../tests/support/stand-in.ts';
import type { EchoServerInfo } from './echo-servers.ts';
import { run } from './udp-client.ts';

let server: RunningServer;
let echo: EchoServerInfo;

beforeAll(async () => {
  server = await startTestServer();
  echo = await (await fetch(`${server.url}/sockets/echo`)).json();
});
afterAll(() => server.close());

test('two datagrams come back whole; the oversized one is refused', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    `info datagrams go to 127.0.0.1:${echo.udp.port}`,
    'sent hello, udp',
    'sent each datagram arrives whole',
    'info sent 1025 bytes, one over the limit',
    'received hello, udp',
    'received each datagram arrives whole',
    'received error DATAGRAM_TOO_LARGE: 1025 bytes is over the limit ' + 'of 1024; nothing echoed',
  ]);
  expect(result.ok).toBe(true);
});

test('answers that never come are reported lost after a bounded wait', async () => {
  // A UDP socket that takes every datagram and answers none, and a
  // stand-in for the playground that points the demo at it.
  const sink = createSocket('udp4');
  sink.bind(0, '127.0.0.1');
  await once(sink, 'listening');
  const playground = await standIn({
    '/sockets/echo': {
      ...echo,
      udp: { port: sink.address().port, maxDatagramBytes: 128 },
    },
  });
  try {
    const result = await runInNode(run, playground.url);
    expect(result.text.slice(-2)).toEqual([
      'info sent 129 bytes, one over the limit',
      'info 3 of 3 answers lost: UDP does not resend',
    ]);
    expect(result.ok).toBe(true);
  } finally {
    sink.close();
    await playground.close();
  }
});

test('Stop ends the run while it waits for answers', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') stop.abort(new DOMException('by the reader', 'AbortError'));
    },
  });
  expect(result.ok).toBe(false);
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
});

const withGo = needs(whyGoIsMissing('go'));
withGo.test(
  'the Go DialUDP client gets the same answers',
  async () => {
    const { stdout } = await promisify(execFile)(buildGo('udp-client.go'), [
      '-addr',
      `127.0.0.1:${echo.udp.port}`,
      '-max',
      String(echo.udp.maxDatagramBytes),
    ]);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'received "hello, udp"',
      'received "each datagram arrives whole"',
      'received "error DATAGRAM_TOO_LARGE: 1025 bytes is over the limit ' +
        'of 1024; nothing echoed"',
    ]);
  },
  60_000,
);

withGo.test(
  'and the same from the Go ListenUDP server',
  async () => {
    const go = await startGo(buildGo('udp-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const { stdout } = await promisify(execFile)(buildGo('udp-client.go'), ['-addr', go.address]);
      expect(stdout).toMatch(/^received "hello, udp"\n.*\n.*1025 bytes is over/);
    } finally {
      go.stop();
    }
  },
  60_000,
);
