import { expect, test } from 'vitest';
import { originAllowed } from './origin.ts';

const host = 'wirebook.example:8080';
const friends = ['https://friend.example'];

test.each([
  ["the page's own origin", 'http://wirebook.example:8080', true],
  ['the same host in another case', 'http://WIREBOOK.example:8080', true],
  ['an origin on the allow-list', 'https://friend.example', true],
  ['no Origin at all (not a browser)', undefined, true],
  ['another site', 'https://evil.example', false],
  ['the same name on another port', 'http://wirebook.example:9090', false],
  ['an allowed host with the wrong scheme', 'http://friend.example', false],
  ['the opaque origin "null"', 'null', false],
  ['something that is no origin', 'not a url', false],
])('%s: %s → %s', (_, origin, allowed) => {
  expect(originAllowed(origin, host, friends)).toBe(allowed);
});
