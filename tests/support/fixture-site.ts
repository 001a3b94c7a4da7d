// Builds a small copy of the site, for tests that need a page the real
// site does not have (a broken one, or one that shows the same cell
// twice). The copy holds only the test's pages, and its sidebar lists
// only them, so the build takes seconds rather than the whole site's
// half a minute; everything else (components, examples, integrations,
// the rest of the config) is the site's own. The copy lives under
// reports/ (ignored by git) so it resolves packages from the project's
// own node_modules.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PARTS = [
  'src',
  'examples',
  'public',
  'playground-server',
  'shared',
  'package.json',
  'tsconfig.json',
];
const SIDEBAR = 'sidebar: [';

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

/**
 * The site's config with its sidebar replaced by one that lists `ids`:
 * the real sidebar names every page of the site, which the copy lacks.
 */
function configWithSidebar(config: string, ids: string[]): string {
  const start = config.indexOf(SIDEBAR);
  if (start < 0) throw new Error(`astro.config.mjs has no "${SIDEBAR}"`);
  let depth = 0;
  for (let at = start + SIDEBAR.length - 1; at < config.length; at++) {
    if (config[at] === '[') depth++;
    else if (config[at] === ']' && --depth === 0) {
      return `${config.slice(0, start)}sidebar: ${JSON.stringify(ids)}${config.slice(at + 1)}`;
    }
  }
  throw new Error('astro.config.mjs: the sidebar array never closes');
}

/** Builds a site of only `pages` (paths under docs/ to MDX). */
export function buildSiteWith(pages: Record<string, string>): FixtureSite {
  mkdirSync(join(root, 'reports'), { recursive: true });
  const copy = mkdtempSync(join(root, 'reports', 'fixture-site-'));
  for (const part of PARTS) {
    cpSync(join(root, part), join(copy, part), { recursive: true });
  }
  // The site's own not-found page, which Starlight otherwise warns is missing.
  mkdirSync(join(copy, 'docs'));
  cpSync(join(root, 'docs', '404.md'), join(copy, 'docs', '404.md'));
  for (const [path, mdx] of Object.entries(pages)) {
    mkdirSync(dirname(join(copy, 'docs', path)), { recursive: true });
    writeFileSync(join(copy, 'docs', path), mdx);
  }
  // The sidebar names English pages; Starlight finds their translations.
  const ids = Object.keys(pages)
    .filter((path) => !path.startsWith('zh-cn/'))
    .map((path) => path.replace(/\.mdx?$/, ''));
  const config = readFileSync(join(root, 'astro.config.mjs'), 'utf8');
  writeFileSync(join(copy, 'astro.config.mjs'), configWithSidebar(config, ids));
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
