import { expect, test } from 'vitest';
import { JsonRpcClient } from './client.ts';
import { answer, json } from './codecs.ts';
import { RpcError } from './errors.ts';
import { createRpcServer } from './services.ts';

const server = createRpcServer({ timeLimitMs: 2_000 });

/**
 * A client and a fake connection: every message sent is recorded and
 * held until the test delivers the server's answer with `deliver`.
 */
function connected(options: { timeoutMs?: number } = {}) {
  const sent: unknown[] = [];
  const client = new JsonRpcClient((message) => {
    sent.push(message);
    return undefined;
  }, options);
  const deliver = async (i: number) => {
    const reply = await answer(server, json, JSON.stringify(sent[i]));
    if (reply !== null) client.receive(JSON.parse(reply as string));
  };
  return { client, sent, deliver };
}

test('concurrent calls get fresh ids, and replies in any order find their call', async () => {
  const { client, sent, deliver } = connected();
  const product = client.call('Arith.Multiply', { A: 6, B: 7 });
  const difference = client.call('subtract', [10, 4]);
  expect(sent).toEqual([
    { jsonrpc: '2.0', method: 'Arith.Multiply', params: { A: 6, B: 7 }, id: 1 },
    { jsonrpc: '2.0', method: 'subtract', params: [10, 4], id: 2 },
  ]);
  await deliver(1);
  await deliver(0);
  expect(await Promise.all([product, difference])).toEqual([42, 6]);
});

test('an error reply rejects with an RpcError carrying code and data', async () => {
  const { client, deliver } = connected();
  const call = client.call('Arith.Divide', { A: 1, B: 0 });
  await deliver(0);
  await expect(call).rejects.toThrow(new RpcError(1, 'divide by zero'));
  const bad = client.call('Arith.Divide', { A: 'x', B: 1 });
  await deliver(1);
  await expect(bad).rejects.toMatchObject({
    code: -32602,
    message: 'Invalid params: A must be an integer, not "x"',
    data: 'A must be an integer, not "x"',
  });
});

test('a call with no reply times out, and a late reply is dropped', async () => {
  const { client, deliver } = connected({ timeoutMs: 20 });
  const call = client.call('get_data');
  await expect(call).rejects.toThrow('no reply within 20 ms');
  await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
  await deliver(0);
  // Nothing to assert beyond "nothing breaks": the reply finds no call.
  const again = client.call('get_data', undefined, { timeoutMs: 1_000 });
  await deliver(1);
  expect(await again).toEqual(['hello', 5]);
});

test('a call is cancelled by its AbortSignal', async () => {
  const { client, sent } = connected();
  const stop = new AbortController();
  const call = client.call('Clock.sleep', { ms: 1_000 }, { signal: stop.signal });
  stop.abort(new DOMException('changed my mind', 'AbortError'));
  await expect(call).rejects.toThrow('changed my mind');
  // A signal aborted before the call means nothing is sent at all.
  await expect(client.call('get_data', undefined, { signal: stop.signal })).rejects.toThrow(
    'changed my mind',
  );
  expect(sent).toHaveLength(1);
});

test('a batch is one message; each call settles on its own', async () => {
  const { client, sent, deliver } = connected();
  const batch = client.batch([
    { method: 'sum', params: [1, 2, 3] },
    { method: 'Arith.Divide', params: { A: 1, B: 0 } },
    { method: 'get_data' },
  ]);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toEqual([
    { jsonrpc: '2.0', method: 'sum', params: [1, 2, 3], id: 1 },
    { jsonrpc: '2.0', method: 'Arith.Divide', params: { A: 1, B: 0 }, id: 2 },
    { jsonrpc: '2.0', method: 'get_data', id: 3 },
  ]);
  await deliver(0);
  const [sum, divide, data] = await batch;
  expect(sum).toEqual({ ok: true, result: 6 });
  expect(divide).toMatchObject({ ok: false, error: { code: 1, message: 'divide by zero' } });
  expect(data).toEqual({ ok: true, result: ['hello', 5] });
});

test('a reply with id null fails the calls it may answer', async () => {
  const { client } = connected();
  const call = client.call('get_data');
  client.receive({
    jsonrpc: '2.0',
    error: { code: -32700, message: 'Parse error', data: 'x' },
    id: null,
  });
  await expect(call).rejects.toMatchObject({ code: -32700 });
});

test('notifications from the server reach onNotification; junk is ignored', () => {
  const { client } = connected();
  const heard: unknown[] = [];
  client.onNotification = (method, params) => heard.push([method, params]);
  client.receive({ jsonrpc: '2.0', method: 'tick', params: { n: 1, of: 2 } });
  client.receive({ hello: 'there' });
  client.receive(42);
  expect(heard).toEqual([['tick', { n: 1, of: 2 }]]);
});

test('close fails every waiting call with its reason', async () => {
  const { client } = connected();
  const calls = [client.call('get_data'), client.call('sum', [1])];
  client.close(new Error('connection closed with 1006'));
  for (const call of calls) await expect(call).rejects.toThrow('connection closed with 1006');
});

test('over a request-reply transport, the reply settles the calls sent', async () => {
  const client = new JsonRpcClient(async (message) => {
    const reply = await answer(server, json, JSON.stringify(message));
    return reply === null ? null : JSON.parse(reply as string);
  });
  expect(await client.call('subtract', { minuend: 5, subtrahend: 8 })).toBe(-3);
  await expect(client.notify('update', [1, 2])).resolves.toBeUndefined();
  // A server that answers a call with nothing is an error, not a hang.
  const silent = new JsonRpcClient(async () => null);
  await expect(silent.call('get_data')).rejects.toThrow('the reply held no answer to this call');
});

test('a send that fails rejects the call with its error', async () => {
  const broken = new JsonRpcClient(async () => {
    throw new Error('fetch failed');
  });
  await expect(broken.call('get_data')).rejects.toThrow('fetch failed');
});
