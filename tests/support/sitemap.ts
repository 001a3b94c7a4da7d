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
