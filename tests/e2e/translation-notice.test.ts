// A Chinese page whose English page changed since it was translated says
// so, linking the English page; one that is up to date says nothing. This
// builds a small copy of the site with one English page and two Chinese
// translations of it, one from today's English, one from an older one.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { blobHash } from '../../src/i18n/translation-status.ts';
import { buildSiteWith } from '../support/fixture-site.ts';

const english = (body: string) => `---\ntitle: Frames\n---\n\n${body}\n`;
const chinese = (translatedFrom: string) =>
  `---\ntitle: 帧\ntranslatedFrom: ${translatedFrom}\n---\n\n帧的正文。\n`;

test('a Chinese page behind its English page shows a notice; one up to date does not', () => {
  const today = english('Frames, as they are today.');
  const site = buildSiteWith({
    'frames.mdx': today,
    'zh-cn/frames.mdx': chinese(blobHash(english('Frames, as they were.'))),
    'current.mdx': today,
    'zh-cn/current.mdx': chinese(blobHash(today)),
  });
  try {
    expect(site.status, site.output).toBe(0);
    const page = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');
    const behind = page('zh-cn/frames');
    expect(behind).toContain('英文原文已更新');
    expect(behind).toMatch(/<a href="\/frames\/" lang="en" hreflang="en">/);
    expect(page('zh-cn/current')).not.toContain('英文原文已更新');
    expect(page('frames')).not.toContain('英文原文已更新');
  } finally {
    site.remove();
  }
}, 180_000);
