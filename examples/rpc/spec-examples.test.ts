import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { EXAMPLES } from './spec-examples.ts';
import { run } from './spec-tour.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/**
 * A reply as the specification prints it: each error's `data` (which
 * says what exactly was wrong, and which the specification allows
 * but its examples leave out) is checked, then removed.
 */
function asPrinted(reply: unknown): unknown {
  if (Array.isArray(reply)) return reply.map(asPrinted);
  const response = reply as { error?: { data?: unknown } };
  if (response.error) {
    expect(response.error.data).toEqual(expect.any(String));
    const { data, ...error } = response.error;
    return { ...response, error };
  }
  return reply;
}

describe('over HTTP, POST /rpc', () => {
  test.each(EXAMPLES.map((e) => [e.title, e] as const))('%s', async (_, example) => {
    const response = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: example.request,
    });
    if (example.response === null) {
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    } else {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(asPrinted(await response.json())).toEqual(example.response);
    }
  });
});

describe('over WebSocket, WS /ws/rpc', () => {
  let ws: WebSocket;
  const replies: string[] = [];
  let arrived = () => {};

  beforeAll(async () => {
    ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/rpc`);
    ws.on('message', (data) => {
      replies.push(String(data));
      arrived();
    });
    await new Promise((resolve) => ws.once('open', resolve));
  });
  afterAll(() => ws.close());

  const next = () =>
    new Promise<string>((resolve) => {
      arrived = () => resolve(replies.shift()!);
    });

  test.each(EXAMPLES.map((e) => [e.title, e] as const))('%s', async (_, example) => {
    const reply = next();
    ws.send(example.request);
    if (example.response === null) {
      // Nothing comes back: the next message answers the next request.
      ws.send('{"jsonrpc": "2.0", "method": "get_data", "id": "after"}');
      expect(JSON.parse(await reply)).toEqual({
        jsonrpc: '2.0',
        result: ['hello', 5],
        id: 'after',
      });
    } else {
      expect(asPrinted(JSON.parse(await reply))).toEqual(example.response);
    }
  });
});

test('the tour demo prints each example and its raw reply', async () => {
  const result = await runInNode(run, server.url);
  expect(result.ok).toBe(true);
  const lines = result.text;
  expect(lines.slice(0, 3)).toEqual([
    'info — positional params',
    `sent ${EXAMPLES[0]!.request}`,
    'received {"jsonrpc":"2.0","result":19,"id":1}',
  ]);
  expect(lines).toContain('info 204 No Content: nothing is returned');
  expect(lines).toContain(
    'received {"jsonrpc":"2.0","error":{"code":-32602,"message":' +
      '"Invalid params","data":"subtrahend must be a number, not \\"23\\""},' +
      '"id":10}',
  );
  // The bug's message (and the secret in it) stays on the server.
  expect(lines).toContain(
    'received {"jsonrpc":"2.0","error":{"code":-32603,"message":' +
      '"Internal error","data":"explode failed; see the log"},"id":11}',
  );
  expect(lines.join('\n')).not.toContain('hunter2');
  expect(lines.filter((l) => l.startsWith('sent '))).toHaveLength(EXAMPLES.length);
});
