import { expect, test } from 'vitest';
import { arrowShape, hexBytes, jsonLines } from './geometry.ts';

test('an arrow ends at its point, its shaft stopping inside the head', () => {
  const { line, head } = arrowShape(0, 10, 100, 10, 8);
  expect(head).toBe('100,10 92,14 92,6');
  expect(line).toEqual({ x1: 0, y1: 10, x2: 96, y2: 10 });
  // Pointing up: the head's corners lie below the tip.
  expect(arrowShape(5, 50, 5, 0, 8).head).toBe('5,0 9,8 1,8');
});

test('an arrow shorter than its head is refused', () => {
  expect(() => arrowShape(0, 0, 3, 4, 7)).toThrow(RangeError);
});

test('JSON is cut after its own members only, and joins back to the exact bytes', () => {
  const request = { jsonrpc: '2.0', method: 'Arith.Multiply', params: { A: 7, B: 8 }, id: 1 };
  const lines = jsonLines(request, 44);
  expect(lines).toEqual([
    '{"jsonrpc":"2.0","method":"Arith.Multiply",',
    '"params":{"A":7,"B":8},"id":1}',
  ]);
  expect(lines.join('')).toBe(JSON.stringify(request));
  expect(jsonLines({ jsonrpc: '2.0', result: 56, id: 1 }, 44)).toEqual([
    '{"jsonrpc":"2.0","result":56,"id":1}',
  ]);
  expect(jsonLines({}, 10)).toEqual(['{}']);
  // A member longer than a line gets a line of its own.
  expect(jsonLines({ a: 'x'.repeat(12), b: 1 }, 10)).toEqual(['{"a":"xxxxxxxxxxxx",', '"b":1}']);
});

test('bytes are written as spaced hex pairs', () => {
  expect(hexBytes(new Uint8Array([0x81, 0x05, 0x48, 0x0a]))).toBe('81 05 48 0a');
});
