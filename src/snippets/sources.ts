// Every file under examples/, as text, keyed by its path inside
// examples/ ("websocket/echo-server.ts"). Vite reads them at build time
// (and vitest at test time), so `astro dev` reloads a page when an
// example it shows changes.

const files = import.meta.glob<string>('/examples/**/*.{ts,go,js,mjs,json,sh,proto,yaml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Example sources by path under examples/. */
export const sources: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^\/examples\//, ''), text]),
);
