import type { ServerResponse } from 'node:http';
import { expect, test } from 'vitest';
import { Problem } from './problem.ts';
import { RateLimits } from './rate-limit.ts';

/** A response that only remembers the headers set on it. */
function response() {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string) {
      headers[name] = value;
    },
  } as unknown as ServerResponse;
  return { res, headers };
}

/** The fields an answer got, and the 429 if it was refused. */
interface Asked {
  ratelimit?: string;
  'ratelimit-policy'?: string;
  refused: Problem | undefined;
}

/** Admits one request of `token`: its fields, or the 429 it got. */
function ask(limits: RateLimits, token = 'token-of-ada-0123'): Asked {
  const { res, headers } = response();
  try {
    limits.admit(token, res);
    return { ...headers, refused: undefined };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return { ...headers, refused: error };
  }
}

test('a burst, then the sustained rate, with the fields saying so; over it, 429 and Retry-After', () => {
  let clock = 0;
  const limits = new RateLimits({ perMinute: 30, burst: 3, maxTokens: 10 }, () => clock);
  const answers = [ask(limits), ask(limits), ask(limits), ask(limits)];
  expect(answers.map((a) => a.ratelimit)).toEqual([
    '"default";r=2;t=2',
    '"default";r=1;t=2',
    '"default";r=0;t=2',
    '"default";r=0;t=2',
  ]);
  // q=3 requests, and an empty bucket takes 6 s to fill at 30 a minute.
  expect(answers[0]!['ratelimit-policy']).toBe('"default";q=3;w=6');
  const refused = answers[3]!.refused!;
  expect(refused).toMatchObject({
    code: 'too-many-requests',
    status: 429,
    headers: { 'retry-after': '2' },
    extensions: { 'violated-policies': ['default'] },
  });
  expect(refused.message).toBe(
    'This token may make 30 requests a minute, after a burst of 3, and it is over. ' +
      'Wait 2 s (Retry-After) before the next request.',
  );
  // Half way to the next token, the wait is rounded up, never to 0.
  clock = 1_000;
  expect(ask(limits)).toMatchObject({ ratelimit: '"default";r=0;t=1' });
  clock = 2_000;
  expect(ask(limits)).toMatchObject({ ratelimit: '"default";r=0;t=2', refused: undefined });
  // A full bucket has nothing to wait for: t=0 before this request.
  clock = 60_000;
  expect(ask(limits).ratelimit).toBe('"default";r=2;t=2');
  clock = 1_000_000;
  let served = 0;
  for (let second = 0; second < 3_600; second++) {
    clock += 1_000;
    if (ask(limits).refused === undefined) served++;
  }
  // An hour of one request a second earns 30 a minute, plus the burst.
  expect(served).toBe(30 * 60 + 3 - 1);
});

test('tokens have buckets of their own, and only the most recently used are kept', () => {
  const clock = 0;
  const limits = new RateLimits({ perMinute: 60, burst: 1, maxTokens: 2 }, () => clock);
  expect(ask(limits, 'a').refused).toBeUndefined();
  expect(ask(limits, 'a').refused).toBeInstanceOf(Problem);
  expect(ask(limits, 'b').refused).toBeUndefined();
  expect(ask(limits, 'c').refused).toBeUndefined();
  // "a" was forgotten, so it starts again with a full bucket.
  expect(ask(limits, 'a').refused).toBeUndefined();
  expect(ask(limits, 'c').refused).toBeInstanceOf(Problem);
});
