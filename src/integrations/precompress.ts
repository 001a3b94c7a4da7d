// Writes a Brotli and a gzip copy beside every compressible file of the
// built site, once, at build time. The playground (sirv) serves them to
// clients that accept them, so no request spends time compressing and
// a page's HTML, CSS and JavaScript travel at a fraction of their size.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

/** What precompressing a folder wrote. */
export interface Precompressed {
  files: number;
  bytes: number;
  brotliBytes: number;
}

/** Writes `.br` and `.gz` beside each compressible file under `dir`. */
export async function precompressDir(dir: string): Promise<Precompressed> {
  const total: Precompressed = { files: 0, bytes: 0, brotliBytes: 0 };
  for (const path of await filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const data = await readFile(path);
    if (data.length < MIN_BYTES) continue;
    const [br, gzipped] = await Promise.all([
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gz(data, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
    total.files++;
    total.bytes += data.length;
    total.brotliBytes += br.length;
  }
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
