// Writes a Brotli and a gzip copy beside every compressible file of the
// built site, once, at build time. The playground (sirv) serves them to
// clients that accept them, so no request spends time compressing and
// a page's HTML, CSS and JavaScript travel at a fraction of their size.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
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
 */
export async function precompressDir(dir: string): Promise<Precompressed> {
  const total: Precompressed = { files: 0, bytes: 0, brotliBytes: 0 };
  const queue = (await filesUnder(dir)).filter((path) => COMPRESSIBLE.has(extname(path)));
  const compressNext = async (): Promise<void> => {
    const path = queue.pop();
    if (path === undefined) return;
    const data = await readFile(path);
    if (data.length >= MIN_BYTES) {
      const [br, gzipped] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gz(data, { level: constants.Z_BEST_COMPRESSION }),
      ]);
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
  return total;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const paths = entries.map((entry) => join(dir, entry));
  const files = await Promise.all(
    paths.map(async (path) => ((await stat(path)).isFile() ? path : null)),
  );
  return files.filter((path) => path !== null);
}

/** An Astro integration that precompresses the site after each build. */
export function precompress(): AstroIntegration {
  return {
    name: 'wirebook-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const done = await precompressDir(fileURLToPath(dir));
        const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
        logger.info(
          `${done.files} files compressed: ${kib(done.bytes)} to ` +
            `${kib(done.brotliBytes)} with Brotli`,
        );
      },
    },
  };
}
