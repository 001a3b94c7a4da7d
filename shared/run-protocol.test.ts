import { expect, test } from 'vitest';
import type { Line } from '../examples/demo-io.ts';
import { decodeRunMessage, encodeRunMessage, runRefusals } from './run-protocol.ts';

const lines: Line[] = [
  { at: 0, direction: 'info', data: 'text, with "quotes" and\nnewlines' },
  { at: 3, direction: 'sent', data: new Uint8Array([0, 1, 0xfe, 0xff]) },
  { at: 4, direction: 'received', data: new Uint8Array() },
  { at: 5, direction: 'error', data: 'stopped: by the reader' },
  { at: 9, direction: 'view', view: 'table', value: [{ a: 1, b: 'x' }] },
];

test.each(lines)('a $direction line survives the trip', (line) => {
  const text = encodeRunMessage({ type: 'line', line });
  expect(decodeRunMessage(text)).toEqual({ type: 'line', line });
});

test('bytes travel as hex, text as text', () => {
  expect(JSON.parse(encodeRunMessage({ type: 'line', line: lines[1]! }))).toEqual({
    type: 'line',
    line: { at: 3, direction: 'sent', hex: '0001feff' },
  });
  expect(encodeRunMessage({ type: 'end', ok: true })).toBe('{"type":"end","ok":true}');
  expect(decodeRunMessage('{"type":"end","ok":false}')).toEqual({ type: 'end', ok: false });
});

test.each([
  ['not JSON', 'hello', SyntaxError],
  ['JSON but no line', '{"type":"line"}', TypeError],
  ['a line without a time', '{"type":"line","line":{"direction":"info","text":"x"}}', TypeError],
  [
    'an unknown direction',
    '{"type":"line","line":{"at":1,"direction":"sideways","text":"x"}}',
    TypeError,
  ],
  [
    'bytes that are not hex',
    '{"type":"line","line":{"at":1,"direction":"sent","hex":"xyz"}}',
    TypeError,
  ],
  [
    'a view without a name',
    '{"type":"line","line":{"at":1,"direction":"view","value":1}}',
    TypeError,
  ],
])('%s is refused', (_, text, error) => {
  expect(() => decodeRunMessage(text)).toThrow(error);
});

test('each refusal has a stable code and a close code', () => {
  expect(runRefusals.unknownDemo('x', ['a', 'b'])).toMatchObject({
    code: 'UNKNOWN_DEMO',
    closeCode: 1008,
    message: 'no server-run demo "x"; the playground runs only a, b',
  });
  expect(runRefusals.tooManyForClient(3)).toMatchObject({ code: 'TOO_MANY_RUNS', closeCode: 1013 });
  expect(runRefusals.tooManyRuns(20)).toMatchObject({ code: 'TOO_MANY_RUNS', closeCode: 1013 });
  expect(runRefusals.noMessages()).toMatchObject({ code: 'NO_MESSAGES', closeCode: 1003 });
});
