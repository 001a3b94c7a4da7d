import { expect, test } from 'vitest';
import { readSnippet } from '../snippets/regions.ts';
import { sources } from '../snippets/sources.ts';
import { editableSource, editorPosition, withEdits } from './edited-source.ts';

const file = [
  "import { x } from './x.ts';",
  '',
  'export class Thing {',
  '  // #region method',
  '',
  '  greet(name: string) {',
  '    // #region inner',
  '    return `hi ${name}`;',
  '    // #endregion inner',
  '  }',
  '  // #endregion method',
  '}',
].join('\n');

test('the editor starts from exactly what the page shows', () => {
  const source = editableSource(
    'websocket/echo-client.ts',
    sources['websocket/echo-client.ts']!,
    'run',
  );
  expect(source.original).toBe(readSnippet('websocket/echo-client.ts', 'run').code);
});

test('an unedited region gives back a file that differs only in markers', () => {
  const source = editableSource('thing.ts', file, 'method');
  expect(source.original).toBe('greet(name: string) {\n  return `hi ${name}`;\n}');
  expect(source.indent).toBe('  ');
  expect(withEdits(source, source.original)).toBe(
    [
      "import { x } from './x.ts';",
      '',
      'export class Thing {',
      '  // #region method',
      '  greet(name: string) {',
      '    return `hi ${name}`;',
      '  }',
      '  // #endregion method',
      '}',
    ].join('\n'),
  );
});

test('edited lines get the region indentation back, blank lines stay blank', () => {
  const source = editableSource('thing.ts', file, 'method');
  const edited = 'greet() {\n\n  return 1;\n}';
  expect(withEdits(source, edited).split('\n').slice(4, 8)).toEqual([
    '  greet() {',
    '',
    '    return 1;',
    '  }',
  ]);
});

test('file positions map to editor lines and columns', () => {
  const source = editableSource('thing.ts', file, 'method');
  const edited = 'greet() {\n  return (;\n}';
  // The file has four lines before the region's body.
  expect(source.before).toHaveLength(4);
  expect(editorPosition(source, edited, 6, 13)).toEqual({ line: 2, column: 11 });
  // Before the region, and past its end, clamp to the editor's text.
  expect(editorPosition(source, edited, 2, 1)).toEqual({ line: 1, column: 1 });
  expect(editorPosition(source, edited, 12, 2)).toEqual({ line: 3, column: 2 });
});

test('without a region the whole file is editable, markers removed', () => {
  const source = editableSource('thing.ts', file);
  expect(source.before).toEqual([]);
  expect(source.original).not.toContain('#region');
  expect(withEdits(source, 'let a = 1;')).toBe('let a = 1;');
});

test('a region that does not exist is an error naming it', () => {
  expect(() => editableSource('thing.ts', file, 'nope')).toThrow(
    'examples/thing.ts has no region "nope"',
  );
});
