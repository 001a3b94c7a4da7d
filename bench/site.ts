// The site: how long `astro build` takes, and what each page of the
// result costs a reader before they touch it: its HTML, stylesheets,
// images and JavaScript (the same measure the every-page test holds to
// its budget, tests/support/page-scripts.ts), uncompressed and
// gzipped. The baseline is Starlight itself: the heaviest page without
// cells; a page with cells is reported as a ratio of it. (Lighthouse's
// scores for the same pages are bench/lighthouse.ts.)
//
//   node bench/site.ts

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULTS } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';
import { scriptsOf } from '../tests/support/page-scripts.ts';
import { sitePages } from '../tests/support/sitemap.ts';
import { bytes, fmt, ranAt, ratio, table, writeSection } from './support/results.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Page {
  path: string;
  hasCells: boolean;
  html: number;
  css: number;
  images: number;
  js: number;
  total: number;
  gzipTotal: number;
}

/** Runs `astro build`, answering how long it took in seconds. */
function build() {
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error('astro build failed; run `npm run build` to see why');
  return (performance.now() - started) / 1000;
}

async function download(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Everything a page loads before anyone touches it. */
async function weigh(url: string): Promise<Page> {
  const html = await download(url);
  const text = html.toString();
  const linked = (pattern: RegExp) => [
    ...new Set([...text.matchAll(pattern)].map(([, href]) => new URL(href!, url).href)),
  ];
  const styles = await Promise.all(
    linked(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g).map(download),
  );
  const images = await Promise.all(linked(/<img[^>]*\bsrc="([^"]+)"/g).map(download));
  const scripts = await scriptsOf(url);
  const zipped = (buffers: Buffer[]) =>
    buffers.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0);
  const css = styles.reduce((sum, buffer) => sum + buffer.length, 0);
  const imageBytes = images.reduce((sum, buffer) => sum + buffer.length, 0);
  return {
    path: new URL(url).pathname,
    hasCells: scripts.hasCells,
    html: html.length,
    css,
    images: imageBytes,
    js: scripts.bytes,
    total: html.length + css + imageBytes + scripts.bytes,
    // Images are compressed already; they count as they are.
    gzipTotal: zipped([html, ...styles]) + imageBytes + scripts.gzipBytes,
  };
}

const seconds = build();
console.log(`astro build: ${seconds.toFixed(1)} s`);
const server = await startServer({ ...DEFAULTS, host: '127.0.0.1', port: 0 });
let pages: Page[];
try {
  pages = [];
  for (const url of await sitePages(server.url)) pages.push(await weigh(url));
} finally {
  await server.close();
}
const reference = pages.filter((page) => !page.hasCells);
if (reference.length === 0) throw new Error('no page without cells to measure Starlight by');
const starlight = {
  js: Math.max(...reference.map((page) => page.js)),
  total: Math.max(...reference.map((page) => page.total)),
};
const withCells = pages.filter((page) => page.hasCells);
const mostJs = Math.max(...withCells.map((page) => page.js));
console.log(
  `${pages.length} pages; Starlight alone ${bytes(starlight.js)} of JavaScript, ` +
    `a page with cells at most ${bytes(mostJs)}`,
);

writeSection(
  'site',
  [
    '## The site: build time and bytes per page',
    '',
    ranAt(),
    `\`astro build\`: **${seconds.toFixed(1)} s** for ${pages.length} pages ` +
      `(${(seconds / pages.length).toFixed(2)} s a page).`,
    '',
    'What each page loads before anyone touches it, as served, uncompressed (and the total ' +
      'gzipped): HTML, stylesheets, images, and JavaScript (inline, named, and statically ' +
      "imported modules; Starlight's search UI, loaded when the browser is idle, is left " +
      'out, as in the every-page test). The baseline is Starlight: its heaviest page without ' +
      `cells loads ${fmt(starlight.js)} B of JavaScript and ${fmt(starlight.total)} B in all; ` +
      'ratios are of that.',
    '',
    table(
      [
        'page',
        'cells',
        'HTML',
        'CSS',
        'images',
        'JS',
        'JS / Starlight',
        'total',
        'total / Starlight',
        'total gzipped',
      ],
      pages.map((page) => [
        page.path,
        page.hasCells ? 'yes' : '',
        bytes(page.html),
        bytes(page.css),
        bytes(page.images),
        bytes(page.js),
        ratio(page.js, starlight.js),
        bytes(page.total),
        ratio(page.total, starlight.total),
        bytes(page.gzipTotal),
      ]),
    ),
  ].join('\n'),
);
