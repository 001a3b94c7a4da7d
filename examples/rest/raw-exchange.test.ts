import { expect, test } from 'vitest';
import { runInNode } from '../../tests/support/playground.ts';
import { run } from './raw-exchange.ts';

test('three requests and their answers, exactly as they crossed the wire', async () => {
  // The demo needs no playground: it starts the smallest server itself.
  const result = await runInNode(run, 'http://127.0.0.1:1');
  expect(result.ok).toBe(true);
  // Date says when each answer was made; everything else is fixed.
  const text = result.text.map((line) => line.replace(/\r\nDate: [^\r]+\r\n/, '\r\nDate: *\r\n'));
  const answer = (request: string) => {
    const body = `Hello! You sent ${request}\n`;
    return (
      'received HTTP/1.1 200 OK\r\ncontent-type: text/plain; charset=utf-8\r\n' +
      `content-length: ${body.length}\r\nDate: *\r\nConnection: close\r\n\r\n${body}`
    );
  };
  expect(text).toEqual([
    'sent GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\nConnection: close\r\n\r\n',
    answer('GET /hello'),
    'sent DELETE /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    answer('DELETE /nothing'),
    'sent HELLO THERE\r\nConnection: close\r\n\r\n',
    'received HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n',
  ]);
});

test('Stop ends the run and closes the server', async () => {
  const stop = new AbortController();
  stop.abort(new Error('Stop pressed'));
  const result = await runInNode(run, 'http://127.0.0.1:1', { signal: stop.signal });
  expect(result.ok).toBe(false);
  expect(result.text).toEqual(['error stopped: Stop pressed']);
});
