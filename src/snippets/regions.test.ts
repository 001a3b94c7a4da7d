import { expect, test } from 'vitest';
import { dedent, extractRegion, readSnippet, SnippetError } from './regions.ts';

const source = [
  'import x from "y";',
  '',
  '// #region outer',
  'function outer() {',
  '  // #region inner',
  '  return 1;',
  '  // #endregion inner',
  '}',
  '// #endregion outer',
  '',
  'class A {',
  '    // #region method',
  '    method() {',
  '',
  '        return 2;',
  '    }',
  '    // #endregion method',
  '}',
].join('\n');

test('a region is its lines, without any marker', () => {
  expect(extractRegion(source, 'a.ts', 'outer')).toBe('function outer() {\n  return 1;\n}');
});

test('a nested region is dedented on its own', () => {
  expect(extractRegion(source, 'a.ts', 'inner')).toBe('return 1;');
  expect(extractRegion(source, 'a.ts', 'method')).toBe('method() {\n\n    return 2;\n}');
});

test('no region means the whole file, markers removed', () => {
  const whole = extractRegion(source, 'a.ts');
  expect(whole).not.toContain('#region');
  expect(whole).not.toContain('#endregion');
  expect(whole.split('\n')).toHaveLength(12);
});

test('a missing region names the file, the region and what exists', () => {
  expect(() => extractRegion(source, 'websocket/a.ts', 'nope')).toThrow(
    new SnippetError(
      'Snippet region "nope" not found in examples/websocket/a.ts; ' +
        'its regions are "inner", "outer", "method"',
    ),
  );
});

test('a missing file names the file and the region', () => {
  expect(() => readSnippet('websocket/missing.ts', 'run')).toThrow(
    'Snippet file not found: examples/websocket/missing.ts (region "run")',
  );
});

test('broken markers are errors with a file and line', () => {
  expect(() => extractRegion('// #region a\nx', 'b.ts')).toThrow(
    'Region "a" is never closed (examples/b.ts:1)',
  );
  expect(() => extractRegion('// #region a\n// #endregion b', 'b.ts')).toThrow(
    '#endregion b does not close the open region "a" (examples/b.ts:2)',
  );
  expect(() =>
    extractRegion('// #region a\n// #endregion a\n// #region a\n// #endregion a', 'b.ts'),
  ).toThrow('Region "a" is defined twice (examples/b.ts:3)');
  expect(() => extractRegion('// #region\n', 'b.ts')).toThrow('needs a name');
});

test('Go files with tabs dedent too', () => {
  expect(dedent(['\tfor {', '\t\tbreak', '\t}'])).toEqual(['for {', '\tbreak', '}']);
});

test('real examples resolve, with a language from the extension', () => {
  const snippet = readSnippet('go/echo-server.go', 'handler');
  expect(snippet.lang).toBe('go');
  expect(snippet.code).toMatch(/^func echo\(/);
  expect(readSnippet('websocket/echo-server.ts', 'upgrade').lang).toBe('ts');
});
