// Cuts named regions out of example files, for <Snippet> and <Cell>.
//
// A region is the lines between `// #region name` and
// `// #endregion name` (editors fold them). Regions may nest; every
// marker line is dropped from what a page shows. A reference to a file
// or region that does not exist is an error that names both, so a page
// can never show an empty or stale snippet.

import { sources } from './sources.ts';

const MARKER = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)\s*$/;

/** A snippet reference that cannot be resolved. */
export class SnippetError extends Error {
  override name = 'SnippetError';
}

/** The code of one region (or the whole file), markers removed. */
export interface Snippet {
  /** The path under examples/, as given. */
  src: string;
  region: string | undefined;
  code: string;
  /** A shiki language id taken from the file's extension. */
  lang: string;
}

/** Returns examples/<src>, or its region, dedented and without markers. */
export function readSnippet(src: string, region?: string): Snippet {
  const source = sources[src];
  if (source === undefined) {
    throw new SnippetError(
      `Snippet file not found: examples/${src}${region ? ` (region "${region}")` : ''}`,
    );
  }
  const code = extractRegion(source, src, region);
  return { src, region, code, lang: languageOf(src) };
}

/** Returns the lines of `region` (or of the whole source), dedented. */
export function extractRegion(source: string, file: string, region?: string): string {
  const regions = parseRegions(source, file);
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let body: string[];
  if (region === undefined) {
    body = lines;
  } else {
    const range = regions.get(region);
    if (!range) {
      const known = [...regions.keys()].map((name) => `"${name}"`);
      throw new SnippetError(
        `Snippet region "${region}" not found in examples/${file}` +
          (known.length ? `; its regions are ${known.join(', ')}` : '; it has no regions'),
      );
    }
    body = lines.slice(range.start + 1, range.end);
  }
  return dedent(body.filter((line) => !MARKER.test(line))).join('\n');
}

/** The names of a source's regions, with the lines of their markers. */
export function parseRegions(source: string, file: string) {
  const regions = new Map<string, { start: number; end: number }>();
  const open: { name: string; start: number }[] = [];
  source.split(/\r?\n/).forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return;
    const [, kind, name = ''] = match;
    const where = `examples/${file}:${index + 1}`;
    if (!name) throw new SnippetError(`A region marker needs a name (${where})`);
    if (kind === 'region') {
      if (regions.has(name) || open.some((r) => r.name === name)) {
        throw new SnippetError(`Region "${name}" is defined twice (${where})`);
      }
      open.push({ name, start: index });
      return;
    }
    const last = open.pop();
    if (last?.name !== name) {
      throw new SnippetError(
        `#endregion ${name} does not close the open region` +
          (last ? ` "${last.name}"` : '') +
          ` (${where})`,
      );
    }
    regions.set(name, { start: last.start, end: index });
  });
  const unclosed = open.at(-1);
  if (unclosed) {
    throw new SnippetError(
      `Region "${unclosed.name}" is never closed ` + `(examples/${file}:${unclosed.start + 1})`,
    );
  }
  return regions;
}

/** Removes the indentation all non-blank lines share, and blank edges. */
export function dedent(lines: string[]): string[] {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return [];
  const last = lines.findLastIndex((l) => l.trim() !== '');
  const body = lines.slice(first, last + 1);
  const indent = Math.min(
    ...body.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length),
  );
  return body.map((l) => l.slice(indent).trimEnd());
}

const LANGUAGES: Record<string, string> = {
  '.ts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.go': 'go',
  '.json': 'json',
  '.sh': 'sh',
  '.proto': 'proto',
  '.yaml': 'yaml',
};

function languageOf(src: string) {
  const extension = /\.[^./]+$/.exec(src)?.[0] ?? '';
  return LANGUAGES[extension] ?? 'text';
}
