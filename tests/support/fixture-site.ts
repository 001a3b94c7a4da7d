// Builds a copy of the site with extra pages, for tests that need a
// page the real site does not have (a broken one, or one that shows
// the same cell twice). The copy lives under reports/ (ignored by git)
// so it resolves packages from the project's own node_modules.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PARTS = [
  'docs',
  'src',
  'examples',
  'public',
  'playground-server',
  'shared',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];

/** A built copy of the site: where it is, and what the build said. */
export interface FixtureSite {
  /** The built pages, to serve. */
  dist: string;
  /** The build's exit status. */
  status: number | null;
  /** What the build printed. */
  output: string;
  remove(): void;
}

/** Copies the site, adds `pages` (paths under docs/ to MDX) and builds it. */
export function buildSiteWith(pages: Record<string, string>): FixtureSite {
  mkdirSync(join(root, 'reports'), { recursive: true });
  const copy = mkdtempSync(join(root, 'reports', 'fixture-site-'));
  for (const part of PARTS) {
    cpSync(join(root, part), join(copy, part), { recursive: true });
  }
  for (const [path, mdx] of Object.entries(pages)) {
    mkdirSync(dirname(join(copy, 'docs', path)), { recursive: true });
    writeFileSync(join(copy, 'docs', path), mdx);
  }
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return {
    dist: join(copy, 'dist'),
    status: result.status,
    output: result.stdout + result.stderr,
    remove: () => rmSync(copy, { recursive: true, force: true }),
  };
}
