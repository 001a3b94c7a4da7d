import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { listenTcpEcho, type TcpEchoOptions, type TcpEchoServer } from './tcp-echo-server.ts';

const servers: TcpEchoServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** An echo server on a free loopback port, with small limits. */
async function start(limits: Partial<TcpEchoOptions> = {}) {
  const server = await listenTcpEcho({
    host: '127.0.0.1',
    port: 0,
    maxLineBytes: 64,
    idleTimeoutMs: 5_000,
    maxConnections: 10,
    ...limits,
  });
  servers.push(server);
  return server;
}

/** A client that collects every byte until the connection closes. */
async function client(server: TcpEchoServer) {
  const socket = connect({ host: '127.0.0.1', port: server.port });
  const chunks: Buffer[] = [];
  let error: string | undefined;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
  const closed = once(socket, 'close').then(() => ({
    text: Buffer.concat(chunks).toString(),
    error,
  }));
  await once(socket, 'connect');
  return {
    socket,
    closed,
    /** What has arrived so far. */
    text: () => Buffer.concat(chunks).toString(),
  };
}

/** Writes `text`, half-closes, and returns all that came back. */
async function exchange(server: TcpEchoServer, text: string | Buffer) {
  const { socket, closed } = await client(server);
  socket.end(text);
  return closed;
}

test('each line comes back, in order, however the writes were cut', async () => {
  const server = await start();
  const { socket, closed, text } = await client(server);
  socket.write('hel');
  socket.write('lo\nwor');
  await expect.poll(text).toBe('hello\n');
  socket.write('ld\n\nlast\n');
  await expect.poll(text).toBe('hello\nworld\n\nlast\n');
  socket.end();
  expect(await closed).toEqual({ text: 'hello\nworld\n\nlast\n', error: undefined });
});

test('after a half-close the rest is echoed, then the server closes too', async () => {
  const server = await start();
  // "tail" has no newline: the client's FIN ends it.
  expect(await exchange(server, 'one\ntail')).toEqual({
    text: 'one\ntail',
    error: undefined,
  });
  expect(server.connections()).toBe(0);
});

test('bytes that are not text come back unchanged', async () => {
  const server = await start();
  const bytes = Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x0a]);
  const { socket, closed } = await client(server);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.end(bytes);
  await closed;
  expect(Buffer.concat(chunks).toString('hex')).toBe('00ffc3280a');
});

describe('limits', () => {
  test('a line of exactly the limit is echoed', async () => {
    const server = await start({ maxLineBytes: 64 });
    const line = `${'x'.repeat(64)}\n`;
    expect((await exchange(server, line)).text).toBe(line);
  });

  test('a longer line gets one error line, then the connection closes', async () => {
    const server = await start({ maxLineBytes: 64 });
    const bystander = await client(server);
    const { socket, closed } = await client(server);
    socket.write('fine\n');
    // No newline ever comes: the server must not wait for one.
    socket.write('y'.repeat(65));
    const result = await closed;
    expect(result.text).toBe('fine\nerror LINE_TOO_LONG: line longer than 64 bytes\n');
    // Everyone else is still served.
    bystander.socket.end('still here\n');
    expect((await bystander.closed).text).toBe('still here\n');
  });

  test('a quiet connection is told so, then closed', async () => {
    const server = await start({ idleTimeoutMs: 200 });
    const { closed } = await client(server);
    expect((await closed).text).toBe('error IDLE_TIMEOUT: nothing received for 200 ms\n');
  });

  test('one connection over the cap is refused; the others are served', async () => {
    const server = await start({ maxConnections: 2 });
    const first = await client(server);
    const second = await client(server);
    await expect.poll(() => server.connections()).toBe(2);
    const third = await client(server);
    expect((await third.closed).text).toBe(
      'error TOO_MANY_CONNECTIONS: the server is at its limit of 2 ' + 'connections; try later\n',
    );
    first.socket.end('still here\n');
    expect((await first.closed).text).toBe('still here\n');
    // A place is free again.
    await expect.poll(() => server.connections()).toBe(1);
    expect(await exchange(server, 'and again\n')).toMatchObject({
      text: 'and again\n',
    });
    second.socket.destroy();
  });

  test('a refused client that never closes is cut off', async () => {
    const server = await start({ maxLineBytes: 4 });
    const { socket, closed } = await client(server);
    socket.write('too long\n');
    // This client ignores the refusal and keeps its side open.
    const result = await closed;
    expect(result.text).toBe('error LINE_TOO_LONG: line longer than 4 bytes\n');
  });
});

test('a client that sends but does not read is not buffered for', async () => {
  const server = await start({ maxLineBytes: 1024 });
  const { socket, closed } = await client(server);
  let received = 0;
  socket.removeAllListeners('data');
  socket.on('data', (chunk: Buffer) => (received += chunk.length));
  socket.pause();
  // 24 MiB of lines, far more than the kernels' buffers hold.
  const line = `${'z'.repeat(1023)}\n`;
  const lines = 24 * 1024;
  for (let i = 0; i < lines; i++) socket.write(line);
  // Once the kernels' buffers are full, the server stops reading
  // instead of keeping our echoes in its memory.
  await expect.poll(() => server.bufferedBytes(), { timeout: 10_000 }).toBeGreaterThan(0);
  let most = 0;
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    most = Math.max(most, server.bufferedBytes());
  }
  expect(most).toBeLessThan(256 * 1024);
  expect(socket.writableLength).toBeGreaterThan(0);
  socket.resume();
  await expect.poll(() => received, { timeout: 10_000 }).toBe(lines * 1024);
  socket.end();
  await closed;
}, 30_000);

test('a client that resets does not disturb the server', async () => {
  const server = await start();
  const rude = await client(server);
  rude.socket.write('half a li');
  rude.socket.resetAndDestroy();
  await rude.closed;
  expect(await exchange(server, 'next\n')).toEqual({ text: 'next\n', error: undefined });
});

test('close() drops open connections and stops listening', async () => {
  const server = await start();
  const open = await client(server);
  await expect.poll(() => server.connections()).toBe(1);
  await servers.pop()!.close();
  await open.closed;
  const late = connect({ host: '127.0.0.1', port: server.port });
  const [error] = (await once(late, 'error')) as [NodeJS.ErrnoException];
  expect(error.code).toBe('ECONNREFUSED');
});
