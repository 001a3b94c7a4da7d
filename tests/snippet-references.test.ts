// Every <Snippet> and <Cell> in docs/ must point at a real file,
// region and demo. This finds a broken reference in milliseconds,
// without a build (which would fail on it too, more slowly).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { serverDemos } from '../shared/server-demos.ts';
import { browserDemos } from '../src/demos.ts';
import { readSnippet } from '../src/snippets/regions.ts';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.mdx?$/.test(file))
  .sort();

interface Reference {
  tag: 'Snippet' | 'Cell';
  attributes: Record<string, string>;
  text: string;
}

/** The <Snippet> and <Cell> tags of a page, with their attributes. */
function references(mdx: string): Reference[] {
  return [...mdx.matchAll(/<(Snippet|Cell)\b([^>]*?)\/?>/gs)].map(([text, tag, rest = '']) => {
    expect(rest, `${text} must use plain "…" attributes`).not.toMatch(/=\s*\{/);
    const attributes = Object.fromEntries(
      [...rest.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]),
    );
    return { tag: tag as Reference['tag'], attributes, text };
  });
}

test('docs/ has pages to check', () => {
  expect(pages).toContain('index.mdx');
  expect(pages).toContain(join('websocket', 'echo-server.mdx'));
});

const pagesWithReferences = pages.filter(
  (page) => references(readFileSync(join(docs, page), 'utf8')).length > 0,
);

describe.each(pagesWithReferences)('docs/%s', (page) => {
  const refs = references(readFileSync(join(docs, page), 'utf8'));

  test.each(refs.map((ref) => [ref.text, ref] as const))('%s resolves', (_, ref) => {
    const { src, region, demo } = ref.attributes;
    if (ref.tag === 'Snippet') {
      expect(src, 'a Snippet needs src').toBeTruthy();
      expect(readSnippet(src!, region).code.length).toBeGreaterThan(0);
    } else {
      expect(demo, 'a Cell needs demo').toBeTruthy();
      if (ref.attributes['runner'] === 'playground') {
        expect(Object.keys(serverDemos), `server-demos.ts lacks ${demo}`).toContain(demo);
      } else {
        expect(Object.keys(browserDemos), `src/demos.ts lacks ${demo}`).toContain(demo);
      }
      expect(readSnippet(`${demo}.ts`, region ?? 'run').code.length).toBeGreaterThan(0);
    }
  });
});

test.each([
  ['browser', browserDemos],
  ['playground', serverDemos],
] as const)('every %s demo is shown by some page', (runner, demos) => {
  const shown = pages.flatMap((page) =>
    references(readFileSync(join(docs, page), 'utf8'))
      .filter((ref) => ref.tag === 'Cell')
      .filter((ref) => (ref.attributes['runner'] ?? 'browser') === runner)
      .map((ref) => ref.attributes['demo']),
  );
  const unused = Object.keys(demos).filter((id) => !shown.includes(id));
  expect(unused, `demos no page runs (${relative(process.cwd(), docs)})`).toEqual([]);
});
