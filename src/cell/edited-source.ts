// What a reader edits, and what then runs.
//
// A cell shows one region of an example file (its `run` function, by
// default), so that is what the editor starts from. What runs is the
// whole file with that region replaced by the reader's text: the
// imports, helpers and constants around it stay as tested. Line
// numbers map both ways, so an error in the file is shown at its line
// in the editor.

import { extractRegion, parseRegions } from '../snippets/regions.ts';

/** A file split around the region a reader may edit. */
export interface EditableSource {
  /** The path under examples/, e.g. "websocket/echo-client.ts". */
  file: string;
  /** The region as the page shows it: what the editor starts from. */
  original: string;
  /** The file's lines up to and including the region's opening marker. */
  before: string[];
  /** The file's lines from the region's closing marker on. */
  after: string[];
  /** The indentation the page removed, given back to edited lines. */
  indent: string;
}

/** Where a file position is in the editor: 1-based line and column. */
export interface EditorPosition {
  line: number;
  column: number;
}

/** Splits `source` around `region`, or makes the whole file editable. */
export function editableSource(file: string, source: string, region?: string): EditableSource {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (region === undefined) {
    const original = extractRegion(source, file);
    return { file, original, before: [], after: [], indent: '' };
  }
  const range = parseRegions(source, file).get(region);
  if (!range) {
    throw new Error(`examples/${file} has no region "${region}"`);
  }
  const body = lines.slice(range.start + 1, range.end);
  return {
    file,
    // Exactly what <Snippet> shows for the same region.
    original: extractRegion(source, file, region),
    before: lines.slice(0, range.start + 1),
    after: lines.slice(range.end),
    indent: indentOf(body),
  };
}

/** The whole file with the region replaced by `edited`. */
export function withEdits(source: EditableSource, edited: string): string {
  const lines = edited
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : source.indent + line));
  return [...source.before, ...lines, ...source.after].join('\n');
}

/**
 * Where a 1-based line and column of the file that ran are in the
 * editor. A position outside the edited text (an unclosed brace is
 * found at the end of the file) is clamped to the editor's last line.
 */
export function editorPosition(
  source: EditableSource,
  edited: string,
  fileLine: number,
  fileColumn: number,
): EditorPosition {
  const editorLines = edited.split('\n');
  const line = fileLine - source.before.length;
  if (line < 1) return { line: 1, column: 1 };
  if (line > editorLines.length) {
    return { line: editorLines.length, column: (editorLines.at(-1) ?? '').length + 1 };
  }
  const indented = (editorLines[line - 1] ?? '').trim() !== '';
  const shift = indented ? source.indent.length : 0;
  return { line, column: Math.max(1, fileColumn - shift) };
}

function isMarker(line: string) {
  return /^\s*\/\/\s*#(region|endregion)\b/.test(line);
}

/** The indentation every non-blank line (but nested markers) shares. */
function indentOf(lines: string[]) {
  const filled = lines.filter((line) => line.trim() !== '' && !isMarker(line));
  const widths = filled.map((line) => /^[ \t]*/.exec(line)![0].length);
  const width = widths.length ? Math.min(...widths) : 0;
  return (filled[0] ?? '').slice(0, width);
}
