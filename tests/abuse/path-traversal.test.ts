// Path tricks on the static server: "..", its percent-encoded forms,
// encoded slashes, backslashes, NUL, doubled encodings and overlong
// UTF-8. Beside the site lie a secret file and a sibling folder whose
// name starts like the site's own; whatever the path, no answer ever
// holds them (or /etc/passwd), and none is a 5xx. Known cases first,
// then fast-check composes paths from the same pieces.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../playground-server/server.ts';
import { startTestServer } from '../support/playground.ts';
import { rawRequest } from '../support/raw-http.ts';
import { failOnUnhandled } from './support/unhandled.ts';

failOnUnhandled();

const SECRET = 'SECRET-OUTSIDE-THE-SITE';
const SIBLING = 'SECRET-IN-A-SIBLING-FOLDER';
const PASSWD = /root:.*:0:0:/;

let root: string;
let server: RunningServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wirebook-traversal-'));
  const site = join(root, 'dist');
  mkdirSync(join(site, 'docs'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, 'docs', 'index.html'), '<h1>docs</h1>');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  // "/dist-private" starts with "/dist": a prefix check would pass it.
  mkdirSync(join(root, 'dist-private'));
  writeFileSync(join(root, 'dist-private', 'secret.txt'), SIBLING);
  server = await startTestServer({ siteDir: site });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/**
 * Every answer a path may get: a page of the site, or a refusal that
 * says why. Not a 5xx, and nothing from outside the site.
 */
const ANSWERS = [
  [200, '<h1>home</h1>'],
  [200, '<h1>docs</h1>'],
  [404, 'Not found\n'],
  [400, 'The request target is not a path this server can read; send one such as /docs/\n'],
  // What node:http's parser refuses before the server sees it.
  [400, 'This is not an HTTP/1.1 request this server can read (Bad Request: HPE_INVALID_URL)\n'],
];

/** GETs `path` exactly as written, and checks nothing leaked. */
async function leaksNothing(path: string) {
  const response = await rawRequest(server.url, 'GET', path);
  expect(ANSWERS, path).toContainEqual([response.status, response.body]);
  expect(response.body, path).not.toContain(SECRET);
  expect(response.body, path).not.toContain(SIBLING);
  expect(response.body, path).not.toMatch(PASSWD);
  return response;
}

const KNOWN = [
  '/../secret.txt',
  '/../../../../../../etc/passwd',
  '/docs/../../secret.txt',
  '/./.././secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/%2E%2E/etc/passwd',
  '/.%2e/secret.txt',
  '/%2e./secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/%252e%252e/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/..\\secret.txt',
  '/..%5csecret.txt',
  '/%2e%2e%5csecret.txt',
  '/docs\\..\\..\\secret.txt',
  '/..%c0%afsecret.txt',
  '/..%e0%80%afsecret.txt',
  '/secret.txt%00.html',
  '/index.html%00/../../secret.txt',
  '/%00../secret.txt',
  '/../dist-private/secret.txt',
  '/%2e%2e/dist-private/secret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/....//secret.txt',
  '/..;/secret.txt',
  `/${'../'.repeat(50)}etc/passwd`,
];

test.each(KNOWN)('GET %s: nothing outside the site', async (path) => {
  await leaksNothing(path);
});

// new URL() cannot read these (the part after "//" would be a
// host); every endpoint reads its path with it.
test.each(['//%2f', '//%00', '//a%20b', '//[::1', '//x:99999/etc/passwd'])(
  'GET %s: a target that is no URL gets 400, and the server goes on',
  async (path) => {
    const response = await leaksNothing(path);
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      'The request target is not a path this server can read; send one such as /docs/\n',
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  },
);

test('the site itself is still served, and the secret is really there to find', async () => {
  expect((await leaksNothing('/docs/')).body).toBe('<h1>docs</h1>');
  expect(readFileSync(join(root, 'secret.txt'), 'utf8')).toBe(SECRET);
});

test('paths composed of dots, slashes, backslashes, NUL and their encodings reach nothing outside the site', async () => {
  const piece = fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E.',
    '.%2e',
    '%252e%252e',
    '%c0%ae%c0%ae',
    '/',
    '%2f',
    '%2F',
    '%252f',
    '\\',
    '%5c',
    '%5C',
    '%00',
    '%c0%af',
    'secret.txt',
    'dist-private',
    'etc',
    'passwd',
    'docs',
    'index.html',
    ';',
  );
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 16 }), async (pieces) => {
      await leaksNothing(`/${pieces.join('')}`);
    }),
    { numRuns: 300 },
  );
});
