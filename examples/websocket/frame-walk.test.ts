import { expect, test } from 'vitest';
import { runInNode } from '../../tests/support/playground.ts';
import { run } from './frame-walk.ts';

test('the walk shows the examples, each state, and each refusal', async () => {
  // The demo needs no playground; the base URL is never used.
  const result = await runInNode(run, 'http://127.0.0.1:9');
  const [view, ...lines] = result.lines;
  expect(view).toMatchObject({ direction: 'view', view: 'frames' });
  const records = (view as { value: { label: string; bytes: Record<string, unknown> }[] }).value;
  expect(
    records.map((r) => [r.label, r.bytes['head'], r.bytes['length'], r.bytes['mask']]),
  ).toEqual([
    ['text', '81 05', '', ''],
    ['masked text', '81 85', '', '37 fa 21 3d'],
    ['first fragment', '01 03', '', ''],
    ['last fragment', '80 02', '', ''],
    ['ping', '89 05', '', ''],
    ['masked pong', '8a 85', '', '37 fa 21 3d'],
    ['256 bytes', '82 7e', '01 00', ''],
    ['64 KiB', '82 7f', '00 00 00 00 00 01 00 00', ''],
  ]);
  expect(lines.map((line) => (line.direction === 'info' ? line.data : line))).toEqual([
    'masked text, one byte at a time: GET_INFO (2) → GET_MASK (4) → GET_DATA (5) → frame',
    '256 bytes, one byte at a time: GET_INFO (2) → GET_PAYLOAD_LENGTH_16 (2) → GET_DATA (256) → frame',
    '64 KiB, one byte at a time: GET_INFO (2) → GET_PAYLOAD_LENGTH_64 (8) → GET_DATA (65536) → frame',
    'unmasked text: WS_ERR_EXPECTED_MASK → close 1002',
    'opcode 0x3: WS_ERR_INVALID_OPCODE → close 1002',
    'fragmented ping: WS_ERR_FRAGMENTED_CONTROL → close 1002',
    'text "\\xc3\\x28": WS_ERR_INVALID_UTF8 → close 1007',
    'a 1 MiB length: WS_ERR_TOO_BIG → close 1009',
  ]);
  expect(result.ok).toBe(true);
});
