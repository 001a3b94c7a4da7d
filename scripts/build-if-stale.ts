// Builds the site when dist/ is missing or older than its sources, so
// `npm start` on a fresh clone (or after a pull) serves current pages.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'docs',
  'src',
  'examples',
  'shared',
  'public',
  'astro.config.mjs',
  'package-lock.json',
];

/** The newest modification time among the files a build reads. */
function newestSource(path: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(path).map((name) => newestSource(join(path, name))),
  );
}

/** Why the site needs building, or null when dist/ is current. */
export function staleness(): string | null {
  let built: number;
  try {
    built = statSync(join(root, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 'the site has not been built yet';
  }
  const newest = Math.max(...SOURCES.map((s) => newestSource(join(root, s))));
  return newest > built ? 'its sources changed since the last build' : null;
}

/** Runs `astro build` when needed; throws if the build fails. */
export function buildIfStale(log: (line: string) => void = console.log) {
  const why = staleness();
  if (!why) return;
  log(`Building the site: ${why}…`);
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    stdio: 'inherit',
    // Called from vitest, NODE_ENV is "test", which Vite takes for a
    // development build: Starlight then leaves search out of every page.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('astro build failed');
}

if (import.meta.main) {
  try {
    buildIfStale();
  } catch (error) {
    console.error(`wirebook: ${(error as Error).message}`);
    process.exit(1);
  }
}
