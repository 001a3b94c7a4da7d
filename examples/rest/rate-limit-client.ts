// The client side of rate limits: read what each answer says is left,
// and when the answer is 429, wait as long as Retry-After says before
// trying again, instead of hammering a server that has said no.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient, type Reply } from './client.ts';

// #region retry-after
/** The longest wait this client accepts from a server, in ms. */
const MAX_WAIT_MS = 60_000;

/**
 * How long Retry-After asks a client to wait, in milliseconds: it is
 * seconds, or an HTTP date (RFC 9110, 10.2.3). Missing or unreadable,
 * one second; a wait longer than a minute is cut to one.
 */
export function retryAfterMs(value: string | null, now = Date.now()) {
  const text = value?.trim() ?? '';
  // Every HTTP date begins with the day's name.
  const wait = /^\d+$/.test(text)
    ? Number(text) * 1_000
    : /^[A-Za-z]/.test(text)
      ? Date.parse(text) - now
      : Number.NaN;
  if (Number.isNaN(wait)) return 1_000;
  return Math.min(Math.max(wait, 0), MAX_WAIT_MS);
}
// #endregion retry-after

// #region retry
/** Sends, and on 429 or 503 waits as asked and sends again. */
export async function honouringRetryAfter(
  io: DemoIO,
  send: () => Promise<Reply>,
  tries = 3,
): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    const reply = await send();
    const refused = reply.status === 429 || reply.status === 503;
    if (!refused || attempt === tries) return reply;
    const wait = retryAfterMs(reply.headers.get('retry-after'));
    io.log(`waiting ${wait / 1_000} s, as Retry-After asks`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    io.signal.throwIfAborted();
  }
}
// #endregion retry

// #region run
/** Three requests, and what each answer says is left. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  const show = ['ratelimit-policy', 'ratelimit'];
  await request('GET', '/api/notes', { show });
  await request('POST', '/api/notes', {
    json: { title: 'Counted', body: 'A write costs one request too.' },
    show,
  });
  await honouringRetryAfter(io, () => request('GET', '/api/notes', { show }));
}
// #endregion run
