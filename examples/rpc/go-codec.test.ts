import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import type { DemoIO } from '../demo-io.ts';
import { callArith, dialGo, run } from './go-client.ts';
import { goLines } from './go-codec.ts';
import { createRpcServer } from './services.ts';

let server: RunningServer;
let goPort: number;

beforeAll(async () => {
  server = await startTestServer();
  goPort = (await (await fetch(`${server.url}/healthz`)).json()).rpc.goPort;
});
afterAll(() => server.close());

/** What the playground's Go-format port answers to one line. */
const answer = async (line: string) => {
  const reply = await goLines(createRpcServer())(new TextEncoder().encode(line), {});
  return JSON.parse(reply!);
};

describe("Go's format, translated for the JSON-RPC 2.0 core", () => {
  test.each([
    [
      '{"method":"Arith.Multiply","params":[{"A":7,"B":8}],"id":0}',
      { id: 0, result: 56, error: null },
    ],
    [
      '{"method":"Arith.Divide","params":[{"A":17,"B":5}],"id":1}',
      { id: 1, result: { Quo: 3, Rem: 2 }, error: null },
    ],
    [
      '{"method":"Arith.Divide","params":[{"A":1,"B":0}],"id":2}',
      { id: 2, result: null, error: 'divide by zero' },
    ],
    [
      '{"method":"Arith.Nope","params":[{}],"id":3}',
      { id: 3, result: null, error: 'Method not found: no method named "Arith.Nope"' },
    ],
    [
      '{"method":"Arith.Multiply","params":[{"A":"7","B":8}],"id":4}',
      { id: 4, result: null, error: 'Invalid params: A must be an integer, not "7"' },
    ],
    [
      '{"method":"sum","params":[[1,2,3]],"id":"any id is echoed"}',
      { id: 'any id is echoed', result: 6, error: null },
    ],
    // As Go's own server answers (the last test below checks it):
    // params that are not an array, or none, get an error with
    // the request's id; elements after the first are ignored; a
    // request without an id is still answered, with id null.
    [
      '{"method":"Arith.Multiply","params":{"A":7,"B":8},"id":5}',
      { id: 5, result: null, error: 'jsonrpc: params must be an array holding the argument' },
    ],
    [
      '{"method":"Arith.Multiply","id":6}',
      { id: 6, result: null, error: 'jsonrpc: request body missing params' },
    ],
    [
      '{"method":"Arith.Multiply","params":[{"A":7,"B":8},9],"id":7}',
      { id: 7, result: 56, error: null },
    ],
    ['{"method":"Arith.Multiply","params":[{"A":7,"B":8}]}', { id: null, result: 56, error: null }],
  ])('%s', async (line, expected) => {
    expect(await answer(line)).toEqual(expected);
  });

  test('a line that is not JSON gets an error, not silence', async () => {
    expect(await answer('{"method"')).toMatchObject({
      id: null,
      result: null,
      error: expect.stringMatching(/^rpc: /),
    });
  });
});

/** The lines the demo prints against any Arith in Go's format. */
const expected = [
  'sent {"method":"Arith.Multiply","params":[{"A":7,"B":8}],"id":1}',
  'received {"id":1,"result":56,"error":null}',
  'info 7 × 8 = 56',
  'sent {"method":"Arith.Divide","params":[{"A":17,"B":5}],"id":2}',
  'received {"id":2,"result":{"Quo":3,"Rem":2},"error":null}',
  'info 17 ÷ 5 = {"Quo":3,"Rem":2}',
  'sent {"method":"Arith.Divide","params":[{"A":1,"B":0}],"id":3}',
  'received {"id":3,"result":null,"error":"divide by zero"}',
  'info 1 ÷ 0 failed: divide by zero',
];

test("the TypeScript client calls the playground in Go's format", async () => {
  const result = await runInNode(run, server.url);
  expect(result.text).toEqual(expected);
});

const withGo = needs(whyGoIsMissing('go'));
withGo.describe('against real Go programs', () => {
  test('the TypeScript client calls the Go arith-server, byte for byte as the playground', async () => {
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const [host, port] = go.address.split(':');
      const result = await runInNode(async (io: DemoIO) => {
        const { client, close } = await dialGo(host!, Number(port), io);
        await callArith(client, io);
        await close();
      }, server.url);
      expect(result.text).toEqual(expected);
    } finally {
      go.stop();
    }
  }, 60_000);

  test("the Go arith-client calls the TypeScript Arith, and Go's, alike", async () => {
    const client = buildGo('arith-client.go');
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const exec = promisify(execFile);
      const fromTs = await exec(client, ['-addr', `127.0.0.1:${goPort}`], { timeout: 10_000 });
      expect(fromTs.stdout.split('\n')).toEqual([
        'Arith.Multiply 7 8: 56 <nil>',
        'Arith.Divide 17 5: {Quo:3 Rem:2} <nil>',
        'Arith.Divide 1 0: error "divide by zero"',
        'Arith.Divide -7 2: {Quo:-3 Rem:-1}',
        'Arith.Multiply -3 4: -12',
        '',
      ]);
      const fromGo = await exec(client, ['-addr', go.address], { timeout: 10_000 });
      expect(fromGo.stdout).toBe(fromTs.stdout);
    } finally {
      go.stop();
    }
  }, 60_000);

  test('odd requests get the ids and results Go itself gives them', async () => {
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const [host, port] = go.address.split(':');
      const lines = [
        '{"method":"Arith.Multiply","params":{"A":7,"B":8},"id":5}',
        '{"method":"Arith.Multiply","id":6}',
        '{"method":"Arith.Multiply","params":[{"A":7,"B":8},9],"id":7}',
        '{"method":"Arith.Multiply","params":[{"A":7,"B":8}]}',
      ];
      const socket = connect(Number(port), host!);
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.end(lines.map((line) => `${line}\n`).join(''));
      await new Promise((resolve) => socket.once('close', resolve));
      // Go's error texts are its own; the ids, results and whether
      // there was an error must match.
      const shape = (reply: { id: unknown; result: unknown; error: unknown }) => ({
        id: reply.id,
        result: reply.result,
        failed: reply.error !== null,
      });
      const fromGo = received
        .trim()
        .split('\n')
        .map((l) => shape(JSON.parse(l)));
      const fromTs = await Promise.all(lines.map(async (l) => shape(await answer(l))));
      // Go answers each request in a goroutine of its own, so its
      // replies come in the order the calls finish.
      const sorted = (replies: unknown[]) => replies.map((r) => JSON.stringify(r)).toSorted();
      expect(sorted(fromTs)).toEqual(sorted(fromGo));
    } finally {
      go.stop();
    }
  }, 60_000);

  test('params of [] or [null]: Go calls with zero args, the playground refuses', async () => {
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const [host, port] = go.address.split(':');
      const lines = [
        '{"method":"Arith.Multiply","params":[],"id":8}',
        '{"method":"Arith.Multiply","params":[null],"id":9}',
      ];
      const socket = connect(Number(port), host!);
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.end(lines.map((line) => `${line}\n`).join(''));
      await new Promise((resolve) => socket.once('close', resolve));
      // Go's decoder leaves the missing argument at its zero value,
      // Args{0, 0}; the playground knows no Go zero values and says so.
      const fromGo = received
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .toSorted((a, b) => a.id - b.id);
      expect(fromGo).toEqual([
        { id: 8, result: 0, error: null },
        { id: 9, result: 0, error: null },
      ]);
      for (const [i, line] of lines.entries()) {
        expect(await answer(line)).toMatchObject({ id: 8 + i, result: null });
        expect((await answer(line)).error).toMatch(/params|argument/);
      }
    } finally {
      go.stop();
    }
  }, 60_000);
});
