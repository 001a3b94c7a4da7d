// The site's UI string tables agree: every English key has a Chinese
// string and no other, none is empty, and each pair has the same
// {placeholders}, so format() fills a translation as it fills English.

import { expect, test } from 'vitest';
import en from '../content/i18n/en.json';
import zhCN from '../content/i18n/zh-CN.json';
import { around, format, placeholders } from './format.ts';
import { stringsUnder } from './ui-strings.ts';

const tables: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

test('every table has exactly the English keys, all under "wirebook."', () => {
  const keys = Object.keys(en).sort();
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.filter((key) => !key.startsWith('wirebook.'))).toEqual([]);
  for (const table of Object.values(tables)) expect(Object.keys(table).sort()).toEqual(keys);
});

test.each(Object.entries(tables))('no %s string is empty or only spaces', (_, table) => {
  const empty = Object.entries(table).filter(([, text]) => text.trim() === '');
  expect(empty).toEqual([]);
});

test('each Chinese string has the placeholders of its English one', () => {
  const differ = Object.entries(en).flatMap(([key, english]) => {
    const want = placeholders(english).sort();
    const got = placeholders(zhCN[key as keyof typeof zhCN]).sort();
    return JSON.stringify(want) === JSON.stringify(got) ? [] : [{ key, want, got }];
  });
  expect(differ).toEqual([]);
});

test('each Chinese string is Chinese: a Han character, or no words at all', () => {
  // Placeholders aside, a string without Han characters may only be
  // punctuation (a separator, say): English words there went untranslated.
  const untranslated = Object.entries(zhCN).filter(([, text]) => {
    const words = text.replace(/\{\w+\}/g, '');
    return !/\p{Script=Han}/u.test(words) && /[a-z]/i.test(words);
  });
  expect(untranslated).toEqual([]);
});

test('format fills each placeholder and refuses a missing value', () => {
  expect(format('Copied {count} lines', { count: 3 })).toBe('Copied 3 lines');
  expect(format('{a}{b}{a}', { a: 'x', b: 1 })).toBe('x1x');
  expect(() => format('Demo: {title}', {})).toThrow('needs a value for {title}');
  expect(placeholders('Running cell {index} of {total}: {name}…')).toEqual([
    'index',
    'total',
    'name',
  ]);
});

test('around cuts a template at one placeholder, for words around an element', () => {
  expect(around('Written by Go: {file}', 'file')).toEqual(['Written by Go: ', '']);
  expect(around('以 {header} 发送我的令牌', 'header')).toEqual(['以 ', ' 发送我的令牌']);
  expect(() => around('Round trip:', 'rtt')).toThrow('needs {rtt} once');
  expect(() => around('{a} and {a}', 'a')).toThrow('needs {a} once');
});

test('stringsUnder gives one part of a table, keyed by the rest of the key', () => {
  const cell = stringsUnder(en, 'cell');
  expect(cell.run).toBe('Run');
  expect(cell['status.running']).toBe('running');
  expect(Object.keys(cell).every((key) => en[`wirebook.cell.${key}` as keyof typeof en])).toBe(
    true,
  );
  expect(
    stringsUnder({ 'wirebook.cell.run': 'Run', 'wirebook.cellar': 'x', n: 1 }, 'cell'),
  ).toEqual({ run: 'Run' });
});
