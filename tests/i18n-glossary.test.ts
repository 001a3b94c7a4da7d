// The glossary's terms are the ones the Chinese pages use: each term's
// page writes it in Chinese with the English beside it, as "握手（handshake）".
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { chineseDir, englishPages, hasChinese, pageId, readPage } from '../src/i18n/editions.ts';
import { glossary } from '../src/i18n/glossary.ts';

const terms = glossary();
const pageIds = englishPages().map(pageId);

it('has terms, each once, each in both languages', () => {
  expect(terms.length).toBeGreaterThan(0);
  const seen = terms.map((term) => term.en.toLowerCase());
  expect(seen.filter((term, index) => seen.indexOf(term) !== index)).toEqual([]);
  for (const term of terms) {
    expect(hasChinese(term.zh), `${term.en}: ${term.zh}`).toBe(true);
    expect(hasChinese(term.en), `${term.en}`).toBe(false);
  }
});

it.each(terms)('$zh ($en) is explained on $page, in Chinese with the English beside it', (term) => {
  expect(pageIds).toContain(term.page);
  const page = readPage(join(chineseDir, `${term.page}.mdx`)).toLowerCase();
  const en = term.en.toLowerCase();
  const zh = term.zh.toLowerCase();
  expect(
    page.includes(`${zh}（${en}）`) || page.includes(`${zh} (${en})`),
    `${term.zh}（${term.en}）`,
  ).toBe(true);
});
