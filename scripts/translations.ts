// npm run translations: the Chinese pages whose English page changed since
// they were translated, with the English commits since, and the English
// pages with no Chinese page yet. Reports; never fails (CI prints it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chineseDir, docsDir, englishPages, translatedFrom } from '../src/i18n/editions.ts';
import { englishRevision } from '../src/i18n/translation-status.ts';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const untranslated: string[] = [];
const behind: string[] = [];
for (const page of englishPages()) {
  const chinese = join(chineseDir, page);
  if (!existsSync(chinese)) {
    untranslated.push(page);
    continue;
  }
  const revision = translatedFrom(readFileSync(chinese, 'utf8'));
  if (revision === englishRevision(join(docsDir, page))) continue;
  behind.push(`  zh-cn/${page}: ${englishChangesSince(page, revision)}`);
}

// The commits that changed the English page after the revision the
// translation names (the first commit whose tree held that blob).
function englishChangesSince(page: string, blob: string | undefined): string {
  const path = `docs/${page}`;
  if (!blob) return 'names no English revision (translatedFrom)';
  const introduced = git('log', '--reverse', '--format=%H', `--find-object=${blob}`, '--', path)
    .split('\n')
    .find(Boolean);
  if (!introduced) return `translated from ${blob.slice(0, 8)}, not in this history`;
  const since = git('log', '--format=%h %s', `${introduced}..HEAD`, '--', path).split('\n');
  const uncommitted = git('status', '--porcelain', '--', path) ? ' (and uncommitted changes)' : '';
  return `the English changed in ${since.filter(Boolean).length} commit(s) since ${introduced.slice(0, 8)}${uncommitted}\n${since
    .filter(Boolean)
    .map((commit) => `      ${commit}`)
    .join('\n')}`;
}

console.log(
  behind.length === 0 && untranslated.length === 0
    ? 'Translations: every Chinese page is up to date with its English page.'
    : [
        `Translations: ${behind.length} Chinese page(s) behind their English page, ${untranslated.length} English page(s) not translated.`,
        ...behind,
        ...untranslated.map((page) => `  zh-cn/${page}: not translated yet`),
      ].join('\n'),
);
