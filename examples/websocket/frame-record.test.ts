import { expect, test } from 'vitest';
import { describeFrame } from './frame-record.ts';

const text = (s: string) => new TextEncoder().encode(s);
const key = Uint8Array.of(0x37, 0xfa, 0x21, 0x3d);

test('a masked "Hello" (RFC 6455 §5.7), field by field', () => {
  expect(
    describeFrame('read', {
      fin: true,
      rsv: 0,
      opcode: 1,
      mask: key,
      payload: text('Hello'),
    }),
  ).toEqual({
    label: 'read',
    bytes: { head: '81 85', length: '', mask: '37 fa 21 3d', payload: '7f 9f 4d 51 58', more: 0 },
    fin: true,
    rsv: 0,
    opcode: '0x1 text',
    masked: true,
    length: 5,
    says: '"Hello"',
  });
});

test('a 64 KiB frame shows its 64-bit length and 16 payload bytes', () => {
  const record = describeFrame('wrote', {
    fin: true,
    rsv: 0,
    opcode: 2,
    payload: new Uint8Array(65_536).fill(0xab),
  });
  expect(record.bytes).toEqual({
    head: '82 7f',
    length: '00 00 00 00 00 01 00 00',
    mask: '',
    payload: Array(16).fill('ab').join(' '),
    more: 65_520,
  });
  expect(record.says).toBe('');
});

test('close frames say their code and reason; long text is cut', () => {
  const close = describeFrame('wrote', {
    fin: true,
    rsv: 0,
    opcode: 8,
    payload: Uint8Array.of(0x03, 0xe9, ...text('going away')),
  });
  expect(close.says).toBe('code 1001 "going away"');
  const long = describeFrame('wrote', {
    fin: false,
    rsv: 0,
    opcode: 1,
    payload: text('x'.repeat(100)),
  });
  expect(long.says).toBe(`"${'x'.repeat(40)}…"`);
  expect(long.fin).toBe(false);
});

test('an opcode without a name is shown by number', () => {
  expect(
    describeFrame('read', { fin: true, rsv: 0, opcode: 0x3, payload: new Uint8Array() }).opcode,
  ).toBe('0x3');
});
