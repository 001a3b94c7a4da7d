import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The pages of the built site, as its sitemap lists them, at the
// address of the server that serves it (the sitemap names the site's
// public URL, SITE_URL, which a test server on port 0 is not).

/** Every page in the sitemap of the site served at `base`, as URLs on `base`. */
export async function sitePages(base: string): Promise<string[]> {
  const index = await text(new URL('/sitemap-index.xml', base));
  const pages: string[] = [];
  for (const sitemap of locations(index)) {
    const urls = locations(await text(onBase(sitemap, base)));
    pages.push(...urls.map((url) => onBase(url, base).href));
  }
  if (pages.length === 0) throw new Error(`the sitemap at ${base} lists no pages`);
  return pages;
}

async function text(url: URL) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

function locations(xml: string) {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!.trim());
}

/** The same path and query on `base`. */
function onBase(url: string, base: string) {
  const { pathname, search } = new URL(url);
  return new URL(pathname + search, base);
}

/**
 * The paths of every page in the sitemaps of the site built into `dir`,
 * read from disk so that tests can be made one per page.
 */
export function sitePaths(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^sitemap-\d+\.xml$/.test(name))
    .flatMap((name) => locations(readFileSync(join(dir, name), 'utf8')))
    .map((url) => new URL(url).pathname)
    .sort();
}
