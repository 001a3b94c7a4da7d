// The JSON-RPC 2.0 specification's examples (its section 7), run
// verbatim against the playground, plus the two error codes it has no
// example for. The tests send each one over HTTP and WebSocket, and
// spec-tour.ts runs them on the page.

import type { Id, Json } from './messages.ts';

/** One example: the exact text sent, and the response it must get. */
export interface Example {
  title: string;
  request: string;
  /** null where the specification says nothing is returned. */
  response: Json;
}

/** Error objects as the specification prints them (no `data`). */
const error = (code: number, message: string, id: Id) => ({
  jsonrpc: '2.0',
  error: { code, message },
  id,
});
const invalid = error(-32600, 'Invalid Request', null);

export const EXAMPLES: Example[] = [
  {
    title: 'positional params',
    request:
      '{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}',
    response: { jsonrpc: '2.0', result: 19, id: 1 },
  },
  {
    title: 'positional params, swapped',
    request:
      '{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}',
    response: { jsonrpc: '2.0', result: -19, id: 2 },
  },
  {
    title: 'named params',
    request:
      '{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}',
    response: { jsonrpc: '2.0', result: 19, id: 3 },
  },
  {
    title: 'named params, reordered',
    request:
      '{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}',
    response: { jsonrpc: '2.0', result: 19, id: 4 },
  },
  {
    title: 'a notification',
    request: '{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}',
    response: null,
  },
  {
    title: 'a notification of a method that does not exist',
    request: '{"jsonrpc": "2.0", "method": "foobar"}',
    response: null,
  },
  {
    title: 'a method that does not exist',
    request: '{"jsonrpc": "2.0", "method": "foobar", "id": "1"}',
    response: error(-32601, 'Method not found', '1'),
  },
  {
    title: 'invalid JSON',
    request: '{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]',
    response: error(-32700, 'Parse error', null),
  },
  {
    title: 'an invalid Request object',
    request: '{"jsonrpc": "2.0", "method": 1, "params": "bar"}',
    response: invalid,
  },
  {
    title: 'a batch that is invalid JSON',
    request:
      '[\n  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},\n  {"jsonrpc": "2.0", "method"\n]',
    response: error(-32700, 'Parse error', null),
  },
  { title: 'an empty batch', request: '[]', response: invalid },
  { title: 'an invalid batch of one', request: '[1]', response: [invalid] },
  {
    title: 'an invalid batch of three',
    request: '[1,2,3]',
    response: [invalid, invalid, invalid],
  },
  {
    title: 'a batch',
    request: `[
        {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
        {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
        {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
        {"foo": "boo"},
        {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
        {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
    ]`,
    response: [
      { jsonrpc: '2.0', result: 7, id: '1' },
      { jsonrpc: '2.0', result: 19, id: '2' },
      invalid,
      error(-32601, 'Method not found', '5'),
      { jsonrpc: '2.0', result: ['hello', 5], id: '9' },
    ],
  },
  {
    title: 'a batch of notifications only',
    request: `[
        {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
        {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
    ]`,
    response: null,
  },
  // Not in the specification's examples: the codes it defines but
  // never shows.
  {
    title: 'params of the wrong type',
    request:
      '{"jsonrpc": "2.0", "method": "subtract", "params": [42, "23"], "id": 10}',
    response: error(-32602, 'Invalid params', 10),
  },
  {
    title: 'a method with a bug',
    request: '{"jsonrpc": "2.0", "method": "explode", "id": 11}',
    response: error(-32603, 'Internal error', 11),
  },
];
