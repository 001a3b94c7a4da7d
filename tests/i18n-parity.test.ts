// The Chinese edition mirrors the English one: every English page has its
// Chinese page, showing the same snippets, cells, diagrams and code, under
// the same headings, linking within the Chinese edition.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAnchor } from '../src/cell/anchors.ts';
import {
  blobInHistory,
  body,
  chineseDir,
  chinesePages,
  codeBlocks,
  components,
  docsDir,
  englishPages,
  frontmatter,
  hasChinese,
  imports,
  internalLinks,
  pageId,
  readPage,
  translatedFrom,
  withoutCode,
} from '../src/i18n/editions.ts';
import { blobHash, englishRevision } from '../src/i18n/translation-status.ts';
import { headingIds, headings } from '../src/integrations/english-heading-ids.ts';

const english = englishPages();
const chinese = new Set(chinesePages());

it('every English page has a Chinese page, and every Chinese page an English one', () => {
  expect(english.filter((page) => !chinese.has(page))).toEqual([]);
  expect([...chinese].filter((page) => !english.includes(page))).toEqual([]);
});

describe.each(english.filter((page) => chinese.has(page)))('zh-cn/%s', (page) => {
  const en = readPage(join(docsDir, page));
  const zh = readPage(join(chineseDir, page));

  it('shows the same snippets, cells, diagrams and components, in the same order', () => {
    expect(components(zh)).toEqual(components(en));
    expect(imports(zh)).toEqual(imports(en));
  });

  it('breaks no Chinese sentence across lines (a browser shows the break as a space)', () => {
    const prose = withoutCode(body(zh));
    const han = '[\\p{Script=Han}，。；：！？（）“”、]';
    expect(
      prose.match(new RegExp(`.{0,10}${han}[ \\t]*\\n[ \\t]*${han}.{0,10}`, 'gu')) ?? [],
    ).toEqual([]);
  });

  it('shows the same code blocks, byte for byte', () => {
    expect(codeBlocks(zh)).toEqual(codeBlocks(en));
  });

  it('has one heading for each English heading, at the same level', () => {
    // The Chinese headings take the English ids by position
    // (src/integrations/english-heading-ids.ts).
    expect(headings(zh).map((heading) => heading.depth)).toEqual(
      headings(en).map((heading) => heading.depth),
    );
  });

  it('has a Chinese title and description', () => {
    const meta = frontmatter(zh);
    for (const field of ['title', 'description']) {
      const value = new RegExp(`^${field}:\\s*(.+)$`, 'm').exec(meta)?.[1] ?? '';
      if (new RegExp(`^${field}:`, 'm').test(frontmatter(en))) {
        expect(hasChinese(value), `${field}: ${value}`).toBe(true);
      }
    }
    const label = /^\s+label:\s*(.+)$/m.exec(meta)?.[1];
    if (/^sidebar:\s*\n\s+label:/m.test(frontmatter(en))) {
      expect(hasChinese(label ?? ''), `sidebar label: ${label}`).toBe(true);
    }
  });

  it("names the English revision it translates, one the repository's history holds", () => {
    const revision = translatedFrom(zh);
    expect(revision, 'translatedFrom: git hash-object docs/<page>').toBeDefined();
    if (revision !== englishRevision(join(docsDir, page))) {
      expect(blobInHistory(revision as string), `${revision} is a blob of git`).toBe(true);
    }
  });

  it('links only within the Chinese edition, to pages and sections that exist', () => {
    for (const link of internalLinks(zh)) {
      if (link.startsWith('/api/')) continue;
      expect(link, 'an internal link of a Chinese page starts with /zh-cn/').toMatch(/^\/zh-cn\//);
      const target = linkedPage(link.slice('/zh-cn'.length), [...chinese]);
      expect(target, `${link}: no such Chinese page`).toBeDefined();
      const anchor = link.split('#')[1];
      if (anchor) {
        expect(anchors(join(docsDir, target as string)), link).toContain(anchor);
      }
    }
  });
});

it('the English pages link to pages and sections that exist', () => {
  for (const page of english) {
    for (const link of internalLinks(readPage(join(docsDir, page)))) {
      if (link.startsWith('/api/')) continue;
      const target = linkedPage(link, english);
      expect(target, `${page}: ${link}`).toBeDefined();
      const anchor = link.split('#')[1];
      if (anchor) {
        expect(anchors(join(docsDir, target as string)), `${page}: ${link}`).toContain(anchor);
      }
    }
  }
});

it('blobHash is what git hash-object prints', () => {
  const file = join(docsDir, 'index.mdx');
  expect(blobHash(readFileSync(file))).toBe(
    execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim(),
  );
});

/** The ids a link can name on a page: its headings' and its cells'. */
function anchors(file: string): string[] {
  const page = {};
  const source = readPage(file);
  const cells = components(source)
    .filter((component) => component.startsWith('Cell '))
    .map((cell) => cellAnchor(page, /demo="([^"]+)"/.exec(cell)?.[1] ?? ''));
  return [...headingIds(source), ...cells];
}

/** The page file (from `pages`) a site path such as /rest/verbs/#safe names. */
function linkedPage(link: string, pages: string[]): string | undefined {
  const [path = ''] = link.split('#');
  const id = path.replace(/^\/|\/$/g, '') || 'index';
  return pages.find((file) => pageId(file) === id);
}
