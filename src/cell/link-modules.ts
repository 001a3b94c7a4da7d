// Turns edited TypeScript into modules a browser can import.
//
// Sucrase strips the types and keeps every line where it was, so an
// error's line in the output is its line in the source. Imports of
// other example files are followed: each is stripped too, published
// at a URL of its own (a blob: URL on the page), and the specifier
// that named it is rewritten to that URL. Type-only imports are gone
// by then. Anything else (a package, a file outside examples/) cannot
// load on the page, and saying so beats a bare "failed to fetch".

import { init, parse } from 'es-module-lexer';
import { transform } from 'sucrase';
import { format } from '../i18n/format.ts';
import type { CellStrings } from './cell-strings.ts';

/** Code that cannot run as written: where, and why. */
export class CodeError extends Error {
  override name = 'CodeError';
  readonly code = 'WB_CODE_ERROR';
  /** The path under examples/ the error is in. */
  readonly file: string;
  /** 1-based line and column in that file. */
  readonly line: number;
  readonly column: number;

  constructor(message: string, file: string, line: number, column: number) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** What linking needs from its surroundings. */
export interface LinkHost {
  /** The TypeScript source of examples/<path>, if there is one. */
  load(path: string): Promise<string | undefined>;
  /** Makes `code` importable and returns its URL. */
  publish(code: string, path: string): string;
  /** The words the linker's own errors are told in. */
  strings: CellStrings;
}

/** The modules of one run: the entry's URL, and every URL made. */
export interface Linked {
  url: string;
  urls: string[];
}

/** Returns `code` without its types, or throws a CodeError. */
export function stripTypes(code: string, file: string): string {
  try {
    return transform(code, {
      transforms: ['typescript'],
      disableESTransforms: true,
    }).code;
  } catch (error) {
    const { message, pos } = error as Error & { pos?: number };
    const at = positionOf(code, pos ?? code.length);
    // Sucrase ends its message with "(line:column)"; we say it our way.
    const why = message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CodeError(why, file, at.line, at.column);
  }
}

/**
 * Strips and links examples/<file> (given as `code`) and every example
 * module it imports, publishing each once. Returns the entry's URL.
 */
export async function linkModules(file: string, code: string, host: LinkHost): Promise<Linked> {
  await init;
  const published = new Map<string, string>();
  const linking = new Set<string>();

  const link = async (path: string, source: string): Promise<string> => {
    const done = published.get(path);
    if (done) return done;
    if (linking.has(path)) {
      throw new CodeError(format(host.strings['link.cycle'], { path }), path, 1, 1);
    }
    linking.add(path);
    const js = stripTypes(source, path);
    let out = '';
    let copied = 0;
    for (const found of parse(js)[0]) {
      if (found.d === -2) continue; // import.meta
      const where = positionOf(js, found.ss);
      const fail = (why: string) => {
        throw new CodeError(why, path, where.line, where.column);
      };
      if (found.n === undefined) {
        fail(host.strings['link.literal']);
      }
      const target = resolve(path, found.n!, fail, host.strings);
      const dependency = await host.load(target);
      if (dependency === undefined) {
        fail(format(host.strings['link.missing'], { specifier: found.n!, target }));
      }
      const url = await link(target, dependency!);
      // A dynamic import's range includes the quotes; a static one's not.
      out += js.slice(copied, found.s) + (found.d > -1 ? JSON.stringify(url) : url);
      copied = found.e;
    }
    out += js.slice(copied);
    linking.delete(path);
    const url = host.publish(out, path);
    published.set(path, url);
    return url;
  };

  const url = await link(file, code);
  return { url, urls: [...published.values()] };
}

/** The path under examples/ that `specifier`, imported by `from`, names. */
function resolve(
  from: string,
  specifier: string,
  fail: (why: string) => never,
  strings: CellStrings,
) {
  if (!/^\.\.?\//.test(specifier)) fail(format(strings['link.package'], { specifier }));
  const base = new URL(`https://wirebook.invalid/examples/${from}`);
  const url = new URL(specifier, base);
  const path = decodeURIComponent(url.pathname).replace(/^\/examples\//, '');
  const inside = url.pathname.startsWith('/examples/') && !url.search && !url.hash;
  if (!inside || !path.endsWith('.ts')) {
    fail(format(strings['link.notTs'], { specifier }));
  }
  return path;
}

/** The 1-based line and column of offset `pos` in `text`. */
function positionOf(text: string, pos: number) {
  const before = text.slice(0, Math.max(0, pos)).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}
