import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { startTestServer } from '../../tests/support/playground.ts';
import { overTcp } from './tcp-client.ts';

let server: RunningServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer({
    rpcMaxBodyBytes: 256,
    rpcMaxInFlight: 2,
    rpcTcpIdleMs: 1_000,
  });
  const health = await (await fetch(`${server.url}/healthz`)).json();
  port = health.rpc.tcpPort;
});
afterAll(() => server.close());

/** A raw TCP connection and the lines it has received. */
async function open() {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await new Promise((resolve) => socket.once('connect', resolve));
  const lines = () =>
    received
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { socket, lines, closed, raw: () => received };
}

test('a request dribbled in byte by byte gets one reply line', async () => {
  const { socket, raw } = await open();
  for (const byte of Buffer.from('{"jsonrpc":"2.0","method":"sum","params":[1,2],"id":1}\n')) {
    socket.write(Buffer.from([byte]));
  }
  await expect.poll(raw).toBe('{"jsonrpc":"2.0","result":3,"id":1}\n');
  socket.end();
});

test('several requests in one write get a line each; blank lines are skipped', async () => {
  const { socket, lines } = await open();
  socket.write(
    '{"jsonrpc":"2.0","method":"sum","params":[1],"id":1}\r\n\n' +
      '{"jsonrpc":"2.0","method":"update","params":[1]}\n' +
      'not json\n' +
      '{"jsonrpc":"2.0","method":"sum","params":[2],"id":2}\n',
  );
  await expect.poll(lines).toHaveLength(3);
  expect(lines()).toEqual(
    expect.arrayContaining([
      { jsonrpc: '2.0', result: 1, id: 1 },
      { jsonrpc: '2.0', result: 2, id: 2 },
      expect.objectContaining({ error: expect.objectContaining({ code: -32700 }), id: null }),
    ]),
  );
  socket.end();
});

test('a client that half-closes after its requests still gets every answer, then FIN', async () => {
  // What `printf … | nc -N host port` does: send, then shut down the
  // sending side. Like Go's ServeCodec, which waits for the responses
  // it owes before closing, the server answers first and ends after.
  const { socket, lines, closed } = await open();
  socket.end(
    '{"jsonrpc":"2.0","method":"Clock.sleep","params":{"ms":150},"id":1}\n' +
      '{"jsonrpc":"2.0","method":"sum","params":[1,2],"id":2}\n',
  );
  await closed;
  expect(lines()).toEqual([
    { jsonrpc: '2.0', result: 3, id: 2 },
    { jsonrpc: '2.0', result: { slept: 150 }, id: 1 },
  ]);
});

test('a line over the limit gets -32600 and the connection is closed', async () => {
  const { socket, lines, closed } = await open();
  socket.write('x'.repeat(300));
  await closed;
  expect(lines()).toEqual([
    {
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Invalid Request', data: 'a line over 256 bytes' },
      id: null,
    },
  ]);
});

test('over the in-flight limit, the server reads no further until calls finish', async () => {
  const { client, close } = await overTcp('127.0.0.1', port);
  const replies = await Promise.all(
    [1, 2, 3, 4].map((i) => client.call('Clock.sleep', { ms: 50 * i })),
  );
  expect(replies).toEqual([50, 100, 150, 200].map((ms) => ({ slept: ms })));
  await close();
});

test('the server pushes ticks on TCP too', async () => {
  const { client, close } = await overTcp('127.0.0.1', port);
  const ticks: unknown[] = [];
  client.onNotification = (method, params) => ticks.push([method, params]);
  await client.call('Clock.subscribe', { every: 20, count: 2 });
  await expect
    .poll(() => ticks)
    .toEqual([
      ['tick', { n: 1, of: 2 }],
      ['tick', { n: 2, of: 2 }],
    ]);
  await close();
});

test('a connection that stays quiet past RPC_TCP_IDLE_MS is closed', async () => {
  const { closed, raw } = await open();
  await closed;
  expect(raw()).toBe('');
});
