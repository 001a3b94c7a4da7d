// Writes a Brotli and a gzip copy beside every compressible file of the
// built site, once, at build time. The playground (sirv) serves them to
// clients that accept them, so no request spends time compressing and
// a page's HTML, CSS and JavaScript travel at a fraction of their size.

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images and fonts already are. */
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.webmanifest',
]);

/** Below this, a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

// Quality 11 (the maximum) took 11.5 s of CPU for the site's 6.8 MB;
// 10 takes 3.9 s for copies 2.4 % larger (bench/RESULTS.md, build).
const BROTLI_QUALITY = 10;

/** What precompressing a folder wrote. */
export interface Precompressed {
  files: number;
  bytes: number;
  brotliBytes: number;
}

/**
 * Writes `.br` and `.gz` beside each compressible file under `dir`,
 * as many files at once as there are cores (zlib compresses on its
 * thread pool). A copy no smaller than the file is not written: the
 * server then sends the file itself.
 *
 * With `cacheDir`, the copies of each file are kept there by a hash of
 * its bytes, so a rebuild compresses only the files that changed; the
 * cache is then pruned to this build's files.
 */
export async function precompressDir(dir: string, cacheDir?: string): Promise<Precompressed> {
  const total: Precompressed = { files: 0, bytes: 0, brotliBytes: 0 };
  const queue = (await filesUnder(dir)).filter((path) => COMPRESSIBLE.has(extname(path)));
  const used = new Set<string>();
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const compressNext = async (): Promise<void> => {
    const path = queue.pop();
    if (path === undefined) return;
    const data = await readFile(path);
    if (data.length >= MIN_BYTES) {
      const { br, gzipped } = await compressedCopies(data, cacheDir, used);
      const smaller = [
        [`${path}.br`, br],
        [`${path}.gz`, gzipped],
      ] as const;
      await Promise.all(
        smaller
          .filter(([, copy]) => copy.length < data.length)
          .map(([name, copy]) => writeFile(name, copy)),
      );
      total.files++;
      total.bytes += data.length;
      total.brotliBytes += Math.min(br.length, data.length);
    }
    return compressNext();
  };
  await Promise.all(Array.from({ length: availableParallelism() }, compressNext));
  if (cacheDir) {
    const stale = (await readdir(cacheDir)).filter((name) => !used.has(name));
    await Promise.all(stale.map((name) => rm(join(cacheDir, name), { force: true })));
  }
  return total;
}

/** The Brotli and gzip copies of `data`, from `cacheDir` when there. */
async function compressedCopies(data: Buffer, cacheDir: string | undefined, used: Set<string>) {
  // The settings are part of the key: a change to them misses the cache.
  const key = createHash('sha256')
    .update(`br${BROTLI_QUALITY} gz${constants.Z_BEST_COMPRESSION}\n`)
    .update(data)
    .digest('hex');
  const [brName, gzName] = [`${key}.br`, `${key}.gz`];
  used.add(brName).add(gzName);
  if (cacheDir) {
    const cached = await Promise.all([
      readFile(join(cacheDir, brName)).catch(() => null),
      readFile(join(cacheDir, gzName)).catch(() => null),
    ]);
    if (cached[0] && cached[1]) return { br: cached[0], gzipped: cached[1] };
  }
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (cacheDir) {
    await Promise.all([cacheWrite(cacheDir, brName, br), cacheWrite(cacheDir, gzName, gzipped)]);
  }
  return { br, gzipped };
}

/** Writes whole or not at all, so a build cut short leaves no truncated copy. */
async function cacheWrite(cacheDir: string, name: string, data: Buffer) {
  const partial = join(cacheDir, `${name}.${process.pid}.partial`);
  await writeFile(partial, data);
  await rename(partial, join(cacheDir, name));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const paths = entries.map((entry) => join(dir, entry));
  const files = await Promise.all(
    paths.map(async (path) => ((await stat(path)).isFile() ? path : null)),
  );
  return files.filter((path) => path !== null);
}

/** Where rebuilds find the copies of files that did not change. */
const CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/wirebook-precompress/', import.meta.url),
);

/** An Astro integration that precompresses the site after each build. */
export function precompress(): AstroIntegration {
  return {
    name: 'wirebook-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const done = await precompressDir(fileURLToPath(dir), CACHE_DIR);
        const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
        logger.info(
          `${done.files} files compressed: ${kib(done.bytes)} to ` +
            `${kib(done.brotliBytes)} with Brotli`,
        );
      },
    },
  };
}
