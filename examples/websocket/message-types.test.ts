import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './message-types.ts';

const execFileAsync = promisify(execFile);

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('a string comes back as text; bytes and a Blob as binaryType says', async () => {
  const result = await runInNode(run, server.url);
  expect(result.text[0]).toBe('info "héllo" is 5 characters, 6 bytes of UTF-8 on the wire');
  const table = result.lines.find((line) => line.direction === 'view');
  expect(table).toMatchObject({ view: 'table' });
  expect(table && 'value' in table ? table.value : undefined).toEqual([
    { binaryType: 'blob', sent: 'a string', frame: 'text', received: 'string "héllo"' },
    { binaryType: 'blob', sent: 'a Uint8Array', frame: 'binary', received: 'Blob of ca fe' },
    { binaryType: 'blob', sent: 'a Blob', frame: 'binary', received: 'Blob of ca fe' },
    { binaryType: 'arraybuffer', sent: 'a string', frame: 'text', received: 'string "héllo"' },
    { binaryType: 'arraybuffer', sent: 'a Uint8Array', frame: 'binary', received: 'ArrayBuffer of ca fe' },
    { binaryType: 'arraybuffer', sent: 'a Blob', frame: 'binary', received: 'ArrayBuffer of ca fe' },
  ]);
  expect(result.text).toHaveLength(2);
  expect(result.ok).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

const noGo = whyGoIsMissing();
test.skipIf(noGo)(
  `gorilla's TextMessage and BinaryMessage keep their types through /ws/echo, not /ws/stream-echo${noGo ? ` (skipped: ${noGo})` : ''}`,
  async () => {
    const binary = buildGo('message-types.go');
    const ws = server.url.replace('http', 'ws');
    const output = async (path: string) =>
      (await execFileAsync(binary, ['-url', `${ws}${path}`])).stdout;
    expect(await output('/ws/echo')).toBe(
      'sent TextMessage, received TextMessage "héllo"\n' +
        'sent BinaryMessage, received BinaryMessage cafe\n',
    );
    expect(await output('/ws/stream-echo')).toBe(
      'sent TextMessage, received BinaryMessage 68c3a96c6c6f\n' +
        'sent BinaryMessage, received BinaryMessage cafe\n',
    );
  },
  60_000,
);
