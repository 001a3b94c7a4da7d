import { createSocket, type Socket } from 'node:dgram';
import { on } from 'node:events';
import { networkInterfaces } from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { needs } from '../../tests/support/needs.ts';
import { listenUdpEcho } from './udp-echo-server.ts';

const closing: (() => unknown)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

async function start(maxDatagramBytes = 128, host = '127.0.0.1') {
  const server = await listenUdpEcho({ host, port: 0, maxDatagramBytes });
  closing.push(() => server.close());
  return server;
}

/** A client socket bound to the server's address family. */
function client(type: 'udp4' | 'udp6' = 'udp4') {
  const socket = createSocket(type);
  closing.push(() => socket.close());
  return socket;
}

/** The next `count` datagrams that `socket` receives. */
async function receive(socket: Socket, count: number) {
  const got: Buffer[] = [];
  const signal = AbortSignal.timeout(5_000);
  for await (const [datagram] of on(socket, 'message', { signal })) {
    got.push(datagram as Buffer);
    if (got.length === count) break;
  }
  return got;
}

test('each datagram comes back whole, as its own datagram', async () => {
  const server = await start();
  const socket = client();
  const answers = receive(socket, 3);
  for (const text of ['one', 'two', '']) {
    socket.send(text, server.port, '127.0.0.1');
  }
  // Two sends never arrive as one, unlike two TCP writes.
  expect((await answers).map(String)).toEqual(['one', 'two', '']);
  expect(server.counts).toEqual({ echoed: 3, tooLarge: 0 });
});

test('bytes come back unchanged, and to whoever sent them', async () => {
  const server = await start();
  const [a, b] = [client(), client()];
  const toA = receive(a, 1);
  const toB = receive(b, 1);
  a.send(Buffer.from('00ff80', 'hex'), server.port, '127.0.0.1');
  b.send('from b', server.port, '127.0.0.1');
  expect((await toA)[0]?.toString('hex')).toBe('00ff80');
  expect(String((await toB)[0])).toBe('from b');
});

test('a datagram of exactly the limit is echoed; one byte more is refused', async () => {
  const server = await start(128);
  const socket = client();
  const answers = receive(socket, 3);
  socket.send(Buffer.alloc(128, 0x61), server.port, '127.0.0.1');
  socket.send(Buffer.alloc(129, 0x62), server.port, '127.0.0.1');
  socket.send('still echoing', server.port, '127.0.0.1');
  const [fits, refused, after] = await answers;
  expect(fits?.length).toBe(128);
  expect(String(refused)).toBe(
    'error DATAGRAM_TOO_LARGE: 129 bytes is over the limit of 128; nothing echoed',
  );
  // The refusal is smaller than what it answers: no amplification.
  expect(refused!.length).toBeLessThan(129);
  expect(String(after)).toBe('still echoing');
  expect(server.counts).toEqual({ echoed: 2, tooLarge: 1 });
});

test('the largest datagram UDP can carry is refused, not echoed', async () => {
  const server = await start(1024);
  const socket = client();
  const answers = receive(socket, 1);
  socket.send(Buffer.alloc(65_507), server.port, '127.0.0.1');
  expect(String((await answers)[0])).toMatch(/^error DATAGRAM_TOO_LARGE: 65507 bytes/);
});

const noIPv6 = Object.values(networkInterfaces())
  .flat()
  .some((nic) => nic?.address === '::1')
  ? null
  : 'this machine has no IPv6 loopback (::1)';
needs(noIPv6).test('an IPv6 host gets a udp6 socket', async () => {
  const server = await start(128, '::1');
  const socket = client('udp6');
  const answers = receive(socket, 1);
  socket.send('over v6', server.port, '::1');
  expect(String((await answers)[0])).toBe('over v6');
});

test('a sender that is gone does not disturb the server', async () => {
  const server = await start();
  const gone = client();
  await new Promise((sent) => {
    gone.send('answer me', server.port, '127.0.0.1', sent);
  });
  closing.pop();
  gone.close();
  // The answer meets a closed port (ICMP unreachable); then:
  await expect.poll(() => server.counts.echoed).toBe(1);
  const socket = client();
  const answers = receive(socket, 1);
  socket.send('next', server.port, '127.0.0.1');
  expect(String((await answers)[0])).toBe('next');
});
