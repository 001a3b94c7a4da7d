// A page that names a missing region must fail `astro build`, with a
// message that names the file and the region. This builds a copy of
// the site with one broken page added.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the project (reports/ is ignored), so the copy resolves its
// packages from the project's own node_modules.
mkdirSync(join(root, 'reports'), { recursive: true });
const copy = mkdtempSync(join(root, 'reports', 'broken-site-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function siteWithPage(mdx: string) {
  for (const part of ['docs', 'src', 'examples', 'playground-server', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, part), join(copy, part), { recursive: true });
  }
  writeFileSync(join(copy, 'docs', 'broken.mdx'), mdx);
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return spawnSync(process.execPath, [astro, 'build'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
}

test('a Snippet naming a missing region fails the build, naming both', () => {
  const result = siteWithPage([
    '---',
    'title: Broken',
    '---',
    "import Snippet from '../src/components/Snippet.astro';",
    '',
    '<Snippet src="websocket/echo-server.ts" region="no-such-region" />',
    '',
  ].join('\n'));
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain(
    'Snippet region "no-such-region" not found in examples/websocket/echo-server.ts',
  );
}, 120_000);
