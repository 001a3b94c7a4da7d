// gen/ is what Buf generates from arith.proto, committed so that the
// site, the playground and the tests need no generator. This runs the
// generator again, offline (buf and protoc-gen-es come from npm), and
// fails when the committed files differ: edit the .proto, never gen/.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

test('gen/ is what buf generate makes of arith.proto now', async () => {
  const out = await mkdtemp(join(tmpdir(), 'wirebook-buf-'));
  try {
    // -o moves the template's out (examples/grpc/gen) under the temp dir.
    await promisify(execFile)(
      bin('buf'),
      ['generate', 'examples/grpc', '--template', 'examples/grpc/buf.gen.yaml', '-o', out],
      // protoc-gen-es is found on PATH, as under npx.
      {
        cwd: root,
        env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH']}` },
      },
    );
    const fresh = join(out, 'examples/grpc/gen');
    const committed = join(root, 'examples/grpc/gen');
    const names = await readdir(fresh);
    expect(await readdir(committed)).toEqual(names);
    for (const name of names) {
      const now = await readFile(join(fresh, name), 'utf8');
      const was = await readFile(join(committed, name), 'utf8');
      expect(
        was,
        `examples/grpc/gen/${name} is stale: run npx buf generate examples/grpc --template examples/grpc/buf.gen.yaml`,
      ).toBe(now);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 30_000);
