// A Chinese page's headings get the ids of its English page's headings,
// matched by position (the parity test keeps the two lists aligned). An
// anchor then names the same section in both editions: a link written for
// one works in the other, and the language picker keeps the reader's place.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import GithubSlugger from 'github-slugger';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

const translatedPage = /^(.*[/\\]docs[/\\])zh-cn[/\\](.*)$/;

/** The ids Astro gives a Markdown source's headings, in order. */
export function headingIds(source: string): string[] {
  const slugger = new GithubSlugger();
  return headings(source).map((heading) => slugger.slug(heading.text));
}

/** The source's Markdown headings (outside code fences and frontmatter). */
export function headings(source: string): { depth: number; text: string }[] {
  const found: { depth: number; text: string }[] = [];
  let fence: string | undefined;
  for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      continue;
    }
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const [, marks = '', text = ''] = heading;
      found.push({ depth: marks.length, text: plainText(text) });
    }
  }
  return found;
}

// What the heading shows: Markdown's inline marks removed, as the rendered
// heading's text content has them.
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\\(.)/g, '$1');
}

export const englishHeadingIds: HastPluginEntry = ({ fileURL }) => {
  const page = fileURL && translatedPage.exec(fileURLToPath(fileURL));
  if (!page) return null;
  const [, docs = '', path = ''] = page;
  const ids = headingIds(readFileSync(docs + path, 'utf8'));
  let next = 0;
  return {
    name: 'english-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const id = ids[next++];
        if (id) ctx.setProperty(node, 'id', id);
      },
    },
  };
};
