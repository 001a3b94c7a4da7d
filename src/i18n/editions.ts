// The two editions' page sources, side by side: every English page under
// docs/ and its Chinese page at the same path under docs/zh-cn/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const docsDir = join(import.meta.dirname, '../../docs');
export const chineseDir = join(docsDir, 'zh-cn');

/** Page files relative to docs/ (e.g. "websocket/frames.mdx"), English only. */
export function englishPages(): string[] {
  return pagesUnder(docsDir).filter((page) => !page.startsWith('zh-cn/'));
}

/** Page files relative to docs/zh-cn/. */
export function chinesePages(): string[] {
  return existsSync(chineseDir) ? pagesUnder(chineseDir) : [];
}

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file) && !/(^|\/)_/.test(file))
    .map((file) => relative(dir, join(dir, file)))
    .sort();
}

/** The page's id as the sidebar names it: "websocket/frames", "index". */
export function pageId(page: string): string {
  return page.replace(/\.mdx?$/, '');
}

export function readPage(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The frontmatter block's text (YAML, unparsed). */
export function frontmatter(source: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
}

export function body(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** A fenced code block, from its opening fence to its closing one. */
const codeBlock = /^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2\s*$/gm;

/** The source with its fenced code blocks taken out. */
export function withoutCode(source: string): string {
  return source.replace(codeBlock, '');
}

/** A Chinese page's `translatedFrom`: the blob hash of the English file it translates. */
export function translatedFrom(source: string): string | undefined {
  return /^translatedFrom:\s*['"]?([0-9a-f]{40})/m.exec(frontmatter(source))?.[1];
}

/** Fenced code blocks, byte for byte, in order. */
export function codeBlocks(source: string): string[] {
  return [...body(source).matchAll(codeBlock)].map((block) => block[0].trim());
}

/**
 * The page's components and their props, in order, without the props a
 * reader reads (titles, which are translated), e.g.
 * `Cell demo="rest/notes" runner="playground"`.
 */
export function components(source: string): string[] {
  return [...withoutCode(body(source)).matchAll(/<([A-Z][A-Za-z]*)\b([^>]*?)\/?>/g)].map(
    ([, name = '', props = '']) => {
      const kept = [...props.matchAll(/([a-zA-Z-]+)=("[^"]*"|'[^']*'|\{[^}]*\})/g)]
        .filter(([, prop]) => prop !== 'title')
        .map(([, prop, value]) => `${prop}=${value}`)
        .sort();
      return [name, ...kept].join(' ');
    },
  );
}

/** What the page imports, with the relative path's depth taken away. */
export function imports(source: string): string[] {
  return [...body(source).matchAll(/^import\s+(.+?)\s+from\s+['"]([^'"]+)['"]/gm)].map(
    ([, names = '', from = '']) => `${names} from ${from.replace(/^(\.\.\/)+/, '')}`,
  );
}

/** Internal links: Markdown links, href attributes and frontmatter `link:`s. */
export function internalLinks(source: string): string[] {
  return [
    ...withoutCode(source).matchAll(
      /\]\((\/[^)\s]*)\)|href="(\/[^"]*)"|^\s*link:\s*['"]?(\/[^\s'"]*)/gm,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** Whether the repository's history holds this blob. */
export function blobInHistory(hash: string): boolean {
  try {
    return execFileSync('git', ['cat-file', '-t', hash], { encoding: 'utf8' }).trim() === 'blob';
  } catch {
    return false;
  }
}

/** Whether the text has Chinese characters in it. */
export function hasChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
