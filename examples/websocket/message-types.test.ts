import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { buildGo, startGo, whyGoIsMissing } from '../../tests/support/go.ts';
import { needs } from '../../tests/support/needs.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { clientFrame, openRaw, serverFrames } from '../../tests/support/raw-websocket.ts';
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
    { binaryType: 'blob', sent: 'a string', kind: 'text', received: 'string "héllo"' },
    { binaryType: 'blob', sent: 'a Uint8Array', kind: 'binary', received: 'Blob of ca fe' },
    { binaryType: 'blob', sent: 'a Blob', kind: 'binary', received: 'Blob of ca fe' },
    { binaryType: 'arraybuffer', sent: 'a string', kind: 'text', received: 'string "héllo"' },
    {
      binaryType: 'arraybuffer',
      sent: 'a Uint8Array',
      kind: 'binary',
      received: 'ArrayBuffer of ca fe',
    },
    {
      binaryType: 'arraybuffer',
      sent: 'a Blob',
      kind: 'binary',
      received: 'ArrayBuffer of ca fe',
    },
  ]);
  expect(result.text).toHaveLength(2);
  expect(result.ok).toBe(true);
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});

const withGo = needs(whyGoIsMissing());
withGo.test(
  "gorilla's TextMessage and BinaryMessage keep their types through /ws/echo, not /ws/stream-echo",
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

withGo.test(
  'gorilla echoes a text message that is not UTF-8, where ws closes with 1007',
  async () => {
    const notUtf8 = clientFrame(0x1, Buffer.from([0xc3, 0x28]));
    const go = await startGo(buildGo('echo-server.go'), ['-addr', '127.0.0.1:0']);
    try {
      const gorilla = await openRaw(`ws://${go.address}/ws/echo`);
      gorilla.socket.write(notUtf8);
      await expect.poll(() => serverFrames(gorilla.received()).length).toBe(1);
      const [echo] = serverFrames(gorilla.received());
      expect({ opcode: echo!.opcode, payload: echo!.payload.toString('hex') }).toEqual({
        opcode: 0x1,
        payload: 'c328',
      });
      gorilla.socket.destroy();
    } finally {
      go.stop();
    }
    const ws = await openRaw(`${server.url.replace('http', 'ws')}/ws/echo`);
    ws.socket.write(notUtf8);
    expect(await ws.close).toMatchObject({ code: 1007 });
  },
  60_000,
);
