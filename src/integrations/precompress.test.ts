import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
