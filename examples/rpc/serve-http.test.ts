import { connect } from 'node:net';
import { decode, encode } from '@msgpack/msgpack';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../../tests/support/playground.ts';

let server: RunningServer;
let rpc: string;
const MAX_BODY = 1024;

beforeAll(async () => {
  server = await startTestServer({
    rpcMaxBodyBytes: MAX_BODY,
    rpcMaxBatch: 5,
    rpcCallTimeLimitMs: 200,
  });
  rpc = `${server.url}/rpc`;
});
afterAll(() => server.close());

const post = (body: string | Uint8Array<ArrayBuffer>, type = 'application/json') =>
  fetch(rpc, { method: 'POST', headers: { 'content-type': type }, body });

const call = (method: string, params?: unknown, id: unknown = 1) =>
  JSON.stringify({ jsonrpc: '2.0', method, params, id });

/** Sends raw bytes on a new connection; resolves with all it gets back. */
function rawHttp(bytes: string) {
  const { hostname, port } = new URL(server.url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

describe('what HTTP refuses before JSON-RPC is reached', () => {
  test.each(['GET', 'PUT', 'DELETE'])('%s gets 405 with Allow: POST', async (method) => {
    const response = await fetch(rpc, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.text()).toBe('send a JSON-RPC request with POST\n');
  });

  test.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['JSON in Latin-1', 'application/json; charset=latin1'],
  ])('%s gets 415, saying what is accepted', async (_, type) => {
    const response = await post(call('get_data'), type);
    expect(response.status).toBe(415);
    expect(response.headers.get('accept')).toBe('application/json, application/vnd.msgpack');
    expect(await response.text()).toBe(
      `Content-Type must be one of application/json, application/vnd.msgpack, not "${type}"\n`,
    );
  });

  test('a declared length over the limit gets 413 before the body is sent', async () => {
    const reply = await rawHttp(
      'POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 10000000\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1.1 413 Payload Too Large\r\n/);
    expect(reply).toMatch(/\r\nConnection: close\r\n/i);
    expect(reply).toMatch(/the body may be at most 1024 bytes\n$/);
  });

  test('a chunked body that grows over the limit gets 413', async () => {
    const chunk = `400\r\n${' '.repeat(0x400)}\r\n`;
    const reply = await rawHttp(
      'POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n' +
        chunk +
        chunk,
    );
    expect(reply).toMatch(/^HTTP\/1.1 413 Payload Too Large\r\n/);
    expect(reply).toMatch(/\r\n\r\nthe body may be at most 1024 bytes\n$/);
  });

  test('a body of exactly the limit is read', async () => {
    const body = call('get_data');
    const response = await post(body.padEnd(MAX_BODY, ' '));
    expect(await response.json()).toEqual({ jsonrpc: '2.0', result: ['hello', 5], id: 1 });
  });
});

describe('JSON-RPC over HTTP', () => {
  test('a notification gets 204 and no body', async () => {
    const response = await post('{"jsonrpc":"2.0","method":"update","params":[1]}');
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  test('a batch over the limit gets one -32600 naming the limit', async () => {
    const batch = `[${Array(6).fill(call('get_data')).join(',')}]`;
    expect(await (await post(batch)).json()).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Invalid Request', data: 'a batch of 6; the limit is 5' },
      id: null,
    });
  });

  test('a batch at the limit is answered in full', async () => {
    const batch = [1, 2, 3, 4, 5].map((id) => call('sum', [id, id], id));
    const replies = await (await post(`[${batch.join(',')}]`)).json();
    expect(replies).toEqual([1, 2, 3, 4, 5].map((id) => ({ jsonrpc: '2.0', result: 2 * id, id })));
  });

  test('a call past the time limit gets -32000, and the server goes on', async () => {
    const slow = await (await post(call('Clock.sleep', { ms: 60_000 }))).json();
    expect(slow).toEqual({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Time limit exceeded', data: 'no answer within 200 ms' },
      id: 1,
    });
    const fast = await (await post(call('Arith.Multiply', { A: 6, B: 7 }))).json();
    expect(fast).toEqual({ jsonrpc: '2.0', result: 42, id: 1 });
  });

  test('subscribe is refused: HTTP has no connection to push on', async () => {
    const reply = await (await post(call('Clock.subscribe', { every: 100, count: 2 }))).json();
    expect(reply.error).toEqual({
      code: -32002,
      message: 'This transport cannot push',
      data: 'subscribe needs WebSocket or TCP',
    });
  });

  test('MessagePack in, MessagePack out', async () => {
    const body = encode({ jsonrpc: '2.0', method: 'Arith.Divide', params: { A: 17, B: 5 }, id: 7 });
    const response = await post(body, 'application/vnd.msgpack');
    expect(response.headers.get('content-type')).toBe('application/vnd.msgpack');
    expect(decode(new Uint8Array(await response.arrayBuffer()))).toEqual({
      jsonrpc: '2.0',
      result: { Quo: 3, Rem: 2 },
      id: 7,
    });
  });

  test('bytes that are not MessagePack get -32700', async () => {
    const response = await post(new Uint8Array([0xc1]), 'application/vnd.msgpack');
    const reply = decode(new Uint8Array(await response.arrayBuffer()));
    expect(reply).toMatchObject({ error: { code: -32700, message: 'Parse error' }, id: null });
  });

  test('bytes that are not UTF-8 get -32700', async () => {
    const response = await post(new Uint8Array([0x22, 0xc3, 0x28, 0x22]));
    expect(await response.json()).toMatchObject({ error: { code: -32700 }, id: null });
  });

  test('after all of the above the playground is healthy', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.status).toBe('ok');
  });
});
