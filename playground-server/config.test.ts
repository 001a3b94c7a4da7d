import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig, SETTINGS } from './config.ts';

test('an empty environment gives the safe defaults', () => {
  expect(loadConfig({})).toEqual(DEFAULTS);
  expect(DEFAULTS).toMatchObject({ host: '127.0.0.1', port: 8080, wsMaxMessageBytes: 65_536 });
});

test('settings come from the environment', () => {
  const config = loadConfig({
    HOST: '::1',
    PORT: '0',
    WS_MAX_MESSAGE_BYTES: '1024',
    ALLOWED_ORIGINS: 'https://a.example, http://localhost:4321/',
  });
  expect(config).toMatchObject({
    host: '::1',
    port: 0,
    wsMaxMessageBytes: 1024,
    allowedOrigins: ['https://a.example', 'http://localhost:4321'],
  });
});

test.each([
  [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, not "eighty"'],
  [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000"'],
  [{ PORT: '1e3' }, 'PORT must be a whole number'],
  [{ WS_MAX_MESSAGE_BYTES: '1.5' }, 'WS_MAX_MESSAGE_BYTES must be a whole number'],
  [{ ALLOWED_ORIGINS: 'example.org' }, 'ALLOWED_ORIGINS takes origins like https://example.org, not "example.org"'],
  [{ ALLOWED_ORIGINS: 'https://a.example/path' }, 'not "https://a.example/path"'],
])('%o is refused with a message that says why', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test('the README documents every setting, and only those', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('### Environment variables'));
  const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
  const settings = Object.values(SETTINGS).map((s) => s.env);
  // SITE_URL and PUBLIC_PLAYGROUND_URL are read by the build, not the server.
  const build = ['SITE_URL', 'PUBLIC_PLAYGROUND_URL'];
  expect(documented.filter((name) => !build.includes(name!)).sort())
    .toEqual(settings.sort());
});
