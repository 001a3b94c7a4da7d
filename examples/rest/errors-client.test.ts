import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './errors-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('each bad request gets a 4xx and a problem document saying what to fix', async () => {
  const result = await runInNode(run, server.url);
  const example = 'A note is an object like {"title":"Milk","body":"2 litres"}.';
  expect(result.lines).toEqual([
    {
      at: expect.any(Number),
      direction: 'view',
      view: 'table',
      value: [
        [
          'JSON cut short',
          400,
          'The body is not JSON',
          expect.stringMatching(
            /^The body is not valid JSON \(.+\)\. Send an object such as \{"title":"Milk","body":"2 litres"\}\.$/,
          ),
        ],
        [
          'a body typed text/plain',
          415,
          'Unsupported media type',
          'This request needs a body of type application/json, and it sent "text/plain". Set Content-Type: application/json.',
        ],
        [
          'JSON, but not a note',
          422,
          'The body is not a note',
          `Its "title" has 0 characters; it may have 1 to 200. ${example}`,
        ],
        [
          'a body over 16 KiB',
          413,
          'The body is too large',
          'The body is 17025 bytes; this API takes at most 16384 bytes. Send a shorter note.',
        ],
        [
          'no token',
          401,
          'A bearer token is required',
          expect.stringMatching(/^Notes are kept per bearer token, and this request sent none\./),
        ],
        [
          'a note that is not there',
          404,
          'No such note',
          expect.stringMatching(/^This token has no note "nope"\./),
        ],
        [
          'a method the URI does not allow',
          405,
          'Method not allowed',
          'DELETE is not allowed here; this resource allows GET, HEAD, POST, OPTIONS.',
        ],
        [
          'a type no one offers',
          406,
          'No acceptable format',
          expect.stringMatching(/^Accept: image\/png allows none/),
        ],
        [
          'a version that is not current',
          412,
          'Precondition failed',
          expect.stringMatching(/the note changed since you read it/),
        ],
        [
          'a slash hidden as %2F',
          400,
          'The path is not allowed',
          expect.stringMatching(/hides a slash as %2F/),
        ],
        [
          'a URL over 2 KiB',
          414,
          'The URL is too long',
          'The URL has 3011 bytes; this API reads at most 2048. Put long data in the body, not the URL.',
        ],
      ].map(([request, status, title, detail]) => ({ request, status, title, detail })),
    },
    {
      at: expect.any(Number),
      direction: 'info',
      data: 'every answer came as application/problem+json',
    },
  ]);
  expect(result.ok).toBe(true);
});

test('the bad requests disturb nobody: the server still serves', async () => {
  await runInNode(run, server.url);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
});
