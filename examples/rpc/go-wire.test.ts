// Go's own bytes, for the pages: Arith's args as gob writes them, and
// one call of Go's RPC over HTTP as it travels between two Go
// programs. The pages read the JSON files this test keeps beside it;
// when Go's output no longer matches them, the test rewrites them and
// fails, so nothing a page shows is typed by hand or out of date.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual, promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readSnippet } from '../../src/snippets/regions.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import goHttp from './go-http-bytes.json' with { type: 'json' };
import gobArgs from './gob-args-bytes.json' with { type: 'json' };
import { fromHex, readGob, splitHead } from './gob-reader.ts';
import { recordingRelay } from './recording-relay.ts';

const exec = promisify(execFile);
const values = (bytes: Uint8Array) =>
  readGob(bytes).map((m) => (m.kind === 'type' ? `type ${m.name}` : m.value));
/** Every byte of a stream, as the reader's parts hold them. */
const partsHex = (hex: string) =>
  readGob(fromHex(hex))
    .flatMap((m) => m.parts.map((p) => p.hex))
    .join(' ');

describe('the kept bytes, read', () => {
  test("gob-args: Args's type once, then Args{7, 8} and Args{1, 0} without its zero B", () => {
    expect(values(fromHex(gobArgs.hex))).toEqual(['type Args', { A: 7, B: 8 }, { A: 1 }]);
    expect(partsHex(gobArgs.hex).replaceAll(' ', '')).toBe(gobArgs.hex);
  });

  test('go-http: CONNECT, "200 Connected to Go RPC", then gob both ways', () => {
    const client = splitHead(fromHex(goHttp.client));
    expect(client.head).toBe('CONNECT /_goRPC_ HTTP/1.0\n\n');
    expect(values(client.rest)).toEqual([
      'type Request',
      // Seq is 0 for the first call, and gob leaves out zero fields.
      { ServiceMethod: 'Arith.Multiply' },
      'type Args',
      { A: 7, B: 8 },
    ]);
    const server = splitHead(fromHex(goHttp.server));
    expect(server.head).toBe('HTTP/1.0 200 Connected to Go RPC\n\n');
    expect(values(server.rest)).toEqual(['type Response', { ServiceMethod: 'Arith.Multiply' }, 56]);
  });

  test('the reader refuses what it does not know, rather than misread it', () => {
    // A float (type id 4) as a single value.
    expect(() => readGob(fromHex('0408000000'))).toThrow('does not know type 4');
    expect(() => readGob(fromHex('07ff82010e011000'))).toThrow('never defined');
    expect(() => readGob(fromHex('05040006'))).toThrow('ends mid-message');
  });
});

/** Compares Go's fresh output with the kept file; rewrites a stale one. */
function expectKept(name: string, fresh: Record<string, string>) {
  const file = new URL(name, import.meta.url);
  const kept: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (isDeepStrictEqual(kept, fresh)) return;
  writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`);
  expect.fail(
    `examples/rpc/${name} did not match Go's output; it is rewritten: review and commit it`,
  );
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const withGo = needs(whyGoIsMissing('go'));
withGo.describe('Go writes the kept bytes', () => {
  test('gob-args.go writes exactly gob-args-bytes.json', async () => {
    const { stdout } = await exec(buildGo('gob-args.go'), { encoding: 'buffer' });
    expectKept('gob-args-bytes.json', {
      from: 'examples/go/gob-args.go',
      hex: hexOf(stdout),
    });
  }, 60_000);

  test('arith-client -http calls arith-server -http through a relay: the first call is go-http-bytes.json', async () => {
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0', '-http']);
    const [host, port] = go.address.split(':');
    const relay = await recordingRelay(host!, Number(port));
    try {
      const client = buildGo('arith-client.go');
      const { stdout } = await exec(client, ['-http', '-addr', `127.0.0.1:${relay.port}`]);
      expect(stdout.split('\n')).toEqual([
        'Arith.Multiply 7 8: 56 <nil>',
        'Arith.Divide 17 5: {Quo:3 Rem:2} <nil>',
        'Arith.Divide 1 0: error "divide by zero"',
        'Arith.Divide -7 2: {Quo:-3 Rem:-1}',
        'Arith.Multiply -3 4: -12',
        '',
      ]);
      // Anything but CONNECT at /_goRPC_ is refused, in plain HTTP.
      const get = await fetch(`http://${go.address}/_goRPC_`);
      expect([get.status, await get.text()]).toEqual([405, '405 must CONNECT\n']);
    } finally {
      await relay.close();
      go.stop();
    }
    // The first call is the same every run: a request header and its
    // args one way, a response header and the product the other.
    const { client, server } = relay.recorded();
    const firstCall = (bytes: Uint8Array, messages: number) => {
      const { head, rest } = splitHead(bytes);
      const parts = readGob(rest, messages).flatMap((m) => m.parts);
      const size = parts.reduce((n, p) => n + p.hex.split(' ').length, 0);
      return hexOf(bytes.subarray(0, head.length + size));
    };
    expectKept('go-http-bytes.json', {
      from: 'examples/go/arith-client.go -http, through a relay, to arith-server.go -http',
      client: firstCall(client, 4),
      server: firstCall(server, 3),
    });
  }, 60_000);

  test("go-codec.ts's wire comment is what Go's jsonrpc client and server say", async () => {
    const go = await startGo(buildGo('arith-server.go'), ['-addr', '127.0.0.1:0']);
    const [host, port] = go.address.split(':');
    const relay = await recordingRelay(host!, Number(port));
    try {
      await exec(buildGo('arith-client.go'), ['-addr', `127.0.0.1:${relay.port}`]);
    } finally {
      await relay.close();
      go.stop();
    }
    // The first three calls wait for their answers, so they alternate.
    const { client, server } = relay.recorded();
    const lines = (bytes: Buffer) => String(bytes).split('\n').slice(0, 3);
    const sent = lines(client).map((line) => `→ ${line}`);
    const received = lines(server).map((line) => `← ${line}`);
    const recorded = sent.flatMap((line, i) => [line, received[i]]);
    const comment = readSnippet('rpc/go-codec.ts', 'wire')
      .code.split('\n')
      .map((line) => line.replace(/^\/\/\s*/, ''));
    expect(comment).toEqual(recorded);
  }, 60_000);
});
