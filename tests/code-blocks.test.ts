// No wall of code: every code block a page shows is at most 50 lines,
// and the first one on a page at most 30, so a page opens with the
// smallest program that shows its idea. A block is a <Snippet>, a
// <Cell> (its demo's `run` region unless it names another) or a fenced
// block, counted as shown: region markers removed, as the build does.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readSnippet } from '../src/snippets/regions.ts';

const MAX_LINES = 50;
const MAX_FIRST_LINES = 30;

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.split('\\').join('/'))
  .sort();

/** One block as a reader sees it: what it is, and its lines. */
interface Block {
  name: string;
  lines: number;
}

const attributesOf = (text: string) =>
  Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));

const lineCount = (code: string) => (code === '' ? 0 : code.split('\n').length);

/** Every code block of an MDX page, in the order the page shows them. */
function codeBlocks(mdx: string): Block[] {
  const found: { at: number; block: Block }[] = [];
  // Fenced blocks: ``` or ~~~, possibly indented inside a component.
  const fence = /^([ \t]*)(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const match of mdx.matchAll(fence)) {
    const body = match[4]!.replace(/\n$/, '');
    const lang = match[3]!.trim().split(/\s/)[0] || 'text';
    const line = mdx.slice(0, match.index).split('\n').length;
    found.push({
      at: match.index,
      block: { name: `\`\`\`${lang} block at line ${line}`, lines: lineCount(body) },
    });
  }
  // Fences hide what looks like a tag inside them.
  const outsideFences = mdx.replace(fence, (block) => block.replace(/[^\n]/g, ' '));
  for (const match of outsideFences.matchAll(/<(Snippet|Cell)\b([^>]*?)\/?>/gs)) {
    const { src, region, demo } = attributesOf(match[2] ?? '');
    const [file, shown] = match[1] === 'Snippet' ? [src!, region] : [`${demo}.ts`, region ?? 'run'];
    const { code } = readSnippet(file, shown);
    found.push({
      at: match.index,
      block: { name: match[0].replace(/\s+/g, ' '), lines: lineCount(code) },
    });
  }
  return found.sort((a, b) => a.at - b.at).map(({ block }) => block);
}

/** What is wrong with a page's blocks; empty when nothing is. */
function walls(blocks: Block[]): string[] {
  return blocks.flatMap((block, index) => {
    const limit = index === 0 ? MAX_FIRST_LINES : MAX_LINES;
    if (block.lines <= limit) return [];
    const which = index === 0 ? 'the first block' : 'a block';
    return [`${block.name}: ${block.lines} lines, over ${limit} for ${which} on a page`];
  });
}

test('the blocks of a page are found in order and counted as shown', () => {
  const page = [
    '```sh',
    'npm start',
    '```',
    '',
    '<Snippet src="demo-io.ts" region="interface" />',
    '  ~~~go',
    '  a',
    '  b',
    '  ~~~',
    '<Cell demo="sockets/ip-table" />',
  ].join('\n');
  const blocks = codeBlocks(page);
  expect(blocks.map((block) => block.name)).toEqual([
    '```sh block at line 1',
    '<Snippet src="demo-io.ts" region="interface" />',
    '```go block at line 6',
    '<Cell demo="sockets/ip-table" />',
  ]);
  expect(blocks[0]!.lines).toBe(1);
  expect(blocks[2]!.lines).toBe(2);
  // Markers are dropped: the region's own lines, and no more.
  const interfaceLines = readSnippet('demo-io.ts', 'interface').code.split('\n').length;
  expect(blocks[1]!.lines).toBe(interfaceLines);
  expect(readSnippet('demo-io.ts', 'interface').code).not.toMatch(/#region/);
});

test('the limits: 30 lines for the first block, 50 for every other', () => {
  const block = (lines: number) => ({ name: `${lines}`, lines });
  expect(walls([block(30), block(50)])).toEqual([]);
  expect(walls([block(31), block(51)])).toEqual([
    '31: 31 lines, over 30 for the first block on a page',
    '51: 51 lines, over 50 for a block on a page',
  ]);
});

test('docs/ has pages', () => {
  expect(pages).toContain('sockets/tcp.mdx');
});

test.each(pages)('%s has no wall of code', (page) => {
  const blocks = codeBlocks(readFileSync(join(docs, page), 'utf8'));
  expect(walls(blocks)).toEqual([]);
});
