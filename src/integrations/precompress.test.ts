import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { precompressDir } from './precompress.ts';

const dir = mkdtempSync(join(tmpdir(), 'wirebook-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('text files get .br and .gz copies that decompress to the same bytes', async () => {
  const html = '<!doctype html><p>hello, wire</p>\n'.repeat(100);
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, '_astro', 'page.js'), 'export const x = 1;\n'.repeat(100));
  writeFileSync(join(dir, 'small.css'), 'p{color:red}');
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096));
  writeFileSync(join(dir, 'noise.txt'), randomBytes(4096));

  const done = await precompressDir(dir);

  expect(done.files).toBe(3);
  expect(done.brotliBytes).toBeLessThan(done.bytes);
  expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(html);
  expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(html);
  expect(existsSync(join(dir, '_astro', 'page.js.br'))).toBe(true);
  // Too small to gain, and a format that is compressed already.
  expect(existsSync(join(dir, 'small.css.br'))).toBe(false);
  expect(existsSync(join(dir, 'photo.png.br'))).toBe(false);
  // Compressed, but no smaller: the server sends the file itself.
  expect(existsSync(join(dir, 'noise.txt.br'))).toBe(false);
  expect(existsSync(join(dir, 'noise.txt.gz'))).toBe(false);
});

test('a rebuild takes unchanged files from the cache, and the cache keeps only them', async () => {
  const site = mkdtempSync(join(tmpdir(), 'wirebook-precompress-site-'));
  const cache = join(site, '..', `${site.split('/').pop()}-cache`);
  try {
    const kept = '<!doctype html><p>kept</p>\n'.repeat(100);
    writeFileSync(join(site, 'kept.html'), kept);
    writeFileSync(join(site, 'gone.html'), '<!doctype html><p>gone</p>\n'.repeat(100));
    await precompressDir(site, cache);
    expect(readdirSync(cache)).toHaveLength(4);
    const keptBr = readFileSync(join(site, 'kept.html.br'));

    // The next build: one file unchanged, one removed, one new. A cached
    // copy of the unchanged file is marked, to tell it from a fresh one.
    rmSync(join(site, 'gone.html'));
    rmSync(join(site, 'gone.html.br'));
    rmSync(join(site, 'gone.html.gz'));
    rmSync(join(site, 'kept.html.br'));
    const cachedBr = readdirSync(cache).find(
      (name) => name.endsWith('.br') && readFileSync(join(cache, name)).equals(keptBr),
    );
    expect(cachedBr).toBeDefined();
    writeFileSync(join(cache, cachedBr as string), Buffer.concat([keptBr, Buffer.from('cached')]));
    const fresh = '<!doctype html><p>fresh</p>\n'.repeat(100);
    writeFileSync(join(site, 'fresh.html'), fresh);

    const done = await precompressDir(site, cache);

    expect(done.files).toBe(2);
    expect(readFileSync(join(site, 'kept.html.br')).subarray(-6).toString()).toBe('cached');
    expect(brotliDecompressSync(readFileSync(join(site, 'fresh.html.br'))).toString()).toBe(fresh);
    expect(readdirSync(cache)).toHaveLength(4);
    expect(readdirSync(cache)).toContain(cachedBr);
  } finally {
    rmSync(site, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
