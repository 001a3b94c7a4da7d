import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { standIn } from '../../tests/support/stand-in.ts';
import type { EchoServerInfo } from './echo-servers.ts';
import { run } from './tcp-client.ts';

let server: RunningServer;
let echo: EchoServerInfo;

beforeAll(async () => {
  server = await startTestServer();
  echo = await (await fetch(`${server.url}/sockets/echo`)).json();
});
afterAll(() => server.close());

test('the demo writes two lines, half-closes, and reads both back', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual([
    expect.stringMatching(/^info connected from 127\.0\.0\.1:\d+$/),
    `info to 127.0.0.1:${echo.tcp.port}`,
    'sent hello, tcp',
    'sent bytes in, bytes out',
    'info half-closed: sent FIN, still reading',
    'received hello, tcp',
    'received bytes in, bytes out',
    'info EOF: the server closed its side',
  ]);
  expect(result.ok).toBe(true);
});

test('with no echo server there, the run ends with ECONNREFUSED', async () => {
  const own = await startTestServer();
  const info: EchoServerInfo = await (await fetch(`${own.url}/sockets/echo`)).json();
  await own.close();
  // That playground is gone; a stand-in still points at its port.
  const playground = await standIn({ '/sockets/echo': info });
  try {
    const result = await runInNode(run, playground.url);
    expect(result.ok).toBe(false);
    expect(result.text).toEqual([`error connect ECONNREFUSED 127.0.0.1:${info.tcp.port}`]);
  } finally {
    await playground.close();
  }
});

test('a playground without echo servers is an error line', async () => {
  const playground = await standIn({});
  try {
    const result = await runInNode(run, playground.url);
    expect(result.text).toEqual([`error GET ${playground.url}/sockets/echo answered 404`]);
  } finally {
    await playground.close();
  }
});

test('Stop closes the socket at once', async () => {
  const stop = new AbortController();
  const result = await runInNode(run, server.url, {
    signal: stop.signal,
    onLine: (line) => {
      if (line.direction === 'sent') stop.abort(new DOMException('by the reader', 'AbortError'));
    },
  });
  expect(result.ok).toBe(false);
  expect(result.text.at(-1)).toBe('error stopped: by the reader');
  await expect
    .poll(() => healthOf(server))
    .toMatchObject({
      sockets: { tcpEcho: { connections: 0 } },
    });
});

async function healthOf(running: RunningServer) {
  return (await fetch(`${running.url}/healthz`)).json();
}

const withGo = needs(whyGoIsMissing('go'));
withGo.test(
  'the Go DialTCP client talks to the TypeScript echo server',
  async () => {
    const { stdout } = await promisify(execFile)(buildGo('tcp-client.go'), [
      '-addr',
      `127.0.0.1:${echo.tcp.port}`,
    ]);
    expect(stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^connected from 127\\.0\\.0\\.1:\\d+ to 127\\.0\\.0\\.1:${echo.tcp.port}$`),
      ),
      'received "hello, tcp"',
      'received "bytes in, bytes out"',
      'EOF: the server closed its side',
    ]);
  },
  60_000,
);

withGo.test(
  'the Go client gets the same from the Go ListenTCP server',
  async () => {
    const go = await startGo(buildGo('tcp-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const { stdout } = await promisify(execFile)(buildGo('tcp-client.go'), ['-addr', go.address]);
      expect(stdout.trimEnd().split('\n').slice(1)).toEqual([
        'received "hello, tcp"',
        'received "bytes in, bytes out"',
        'EOF: the server closed its side',
      ]);
    } finally {
      go.stop();
    }
  },
  60_000,
);
