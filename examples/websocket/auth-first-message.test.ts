import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startTestServer } from '../../tests/support/playground.ts';
import { openRaw } from '../../tests/support/raw-websocket.ts';
import { CloseCode } from './close-codes.ts';

const TOKEN = 'reader-token-0123456789mnop';
/** The wait for the first message, shortened for the silence test. */
const SHORT_WAIT_MS = 300;

let server: RunningServer;
let url: string;

beforeAll(async () => {
  // The default wait (5 s): a loaded machine never makes a test late.
  server = await startTestServer({ wsAuthWaiting: 2 });
  url = `${server.url.replace('http', 'ws')}/ws/auth/first-message`;
});
afterAll(() => server.close());

/** An open WebSocket, with its messages and close as they come. */
async function connect(to = url) {
  const ws = new WebSocket(to);
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(String(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, messages, closed };
}

test('{"type":"auth","token":…} first: authenticated, and every message answered as that reader', async () => {
  const { ws, messages } = await connect();
  ws.send(JSON.stringify({ type: 'auth', token: TOKEN }));
  ws.send('hello');
  ws.send('again');
  await expect.poll(() => messages.length).toBe(3);
  expect(messages.map((m) => JSON.parse(m))).toEqual([
    { type: 'authenticated', you: 'token …mnop' },
    { you: 'token …mnop', via: 'first-message', echo: 'hello' },
    { you: 'token …mnop', via: 'first-message', echo: 'again' },
  ]);
  ws.close();
});

test.each([
  ['plain text', 'hello', 'not-auth: first message must be {"type":"auth","token":…}'],
  [
    'JSON of another type',
    '{"type":"chat","text":"hi"}',
    'not-auth: first message must be {"type":"auth","token":…}',
  ],
  [
    'a token that is no string',
    '{"type":"auth","token":42}',
    'not-auth: first message must be {"type":"auth","token":…}',
  ],
  ['JSON that is no object', 'null', 'not-auth: first message must be {"type":"auth","token":…}'],
  [
    'binary',
    Buffer.from('{"type":"auth"}'),
    'not-auth: first message must be {"type":"auth","token":…}',
  ],
  [
    'a token too short',
    '{"type":"auth","token":"short"}',
    'invalid-token: a token is 16 to 128 letters, digits or -._~+/',
  ],
])('%s first: closed with 1008 and a reason', async (_, first, reason) => {
  const { ws, messages, closed } = await connect();
  ws.send(first);
  expect(await closed).toEqual({ code: CloseCode.POLICY_VIOLATION, reason });
  expect(messages).toEqual([]);
});

test('silence: closed with 1008 once the wait is over, not before', async () => {
  const short = await startTestServer({ wsAuthFirstMessageMs: SHORT_WAIT_MS });
  try {
    const started = performance.now();
    const { closed } = await connect(`${short.url.replace('http', 'ws')}/ws/auth/first-message`);
    expect(await closed).toEqual({
      code: CloseCode.POLICY_VIOLATION,
      reason: 'auth-timeout: no auth message in 0.3 s',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(SHORT_WAIT_MS - 5);
  } finally {
    await short.close();
  }
});

test('an authenticated socket outlives the wait', async () => {
  const short = await startTestServer({ wsAuthFirstMessageMs: 1_000 });
  try {
    const ws = new WebSocket(`${short.url.replace('http', 'ws')}/ws/auth/first-message`);
    // Sent as soon as the socket opens, well inside the wait.
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: TOKEN })));
    await new Promise((resolve) => ws.once('message', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  } finally {
    await short.close();
  }
});

test('one more waiting socket than WS_AUTH_WAITING: 503 before the upgrade, saying why', async () => {
  const waiting = [await connect(), await connect()];
  const refused = await openRaw(url);
  await refused.close;
  expect(refused.response.split('\r\n')).toContain('Retry-After: 5');
  expect(refused.response).toMatch(/^HTTP\/1.1 503 Service Unavailable\r\n/);
  expect(refused.received().toString()).toBe(
    'too-many-waiting: 2 sockets are waiting to authenticate, the most allowed; ' +
      'try again in a few seconds\n',
  );
  // Authenticating frees a place, and so does leaving.
  waiting[0]!.ws.send(JSON.stringify({ type: 'auth', token: TOKEN }));
  await expect.poll(() => waiting[0]!.messages.length).toBe(1);
  const third = await connect();
  expect((await openRaw(url)).response).toMatch(/^HTTP\/1.1 503 /);
  third.ws.terminate();
  waiting[1]!.ws.terminate();
  await expect.poll(() => server.playground.openWebSockets()).toBe(1);
  const after = [await connect(), await connect()];
  for (const { ws } of [...waiting, ...after]) ws.terminate();
  await expect.poll(() => server.playground.openWebSockets()).toBe(0);
});
