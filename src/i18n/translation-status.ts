// Whether a Chinese page still translates its English page. A Chinese
// page's frontmatter names the English file it was translated from by that
// file's git blob hash (`translatedFrom`); when the English file no longer
// hashes to it, the English has changed since and the translation is behind.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Git's blob hash of a file's bytes, as `git hash-object` prints it. */
export function blobHash(bytes: Buffer | string): string {
  const content = Buffer.from(bytes);
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** The English page's revision today, by its file's path. */
export function englishRevision(englishFile: string): string {
  return blobHash(readFileSync(englishFile));
}
