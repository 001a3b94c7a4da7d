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
  [
    { ALLOWED_ORIGINS: 'example.org' },
    'ALLOWED_ORIGINS takes origins like https://example.org, not "example.org"',
  ],
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
  expect(documented.filter((name) => !build.includes(name!)).sort()).toEqual(settings.sort());
});

test('TRUST_PROXY takes addresses and CIDR ranges, and nothing else', () => {
  expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, fd00::/8' }).trustProxy).toEqual([
    '10.0.0.0/8',
    '127.0.0.1',
    '::1',
    'fd00::/8',
  ]);
  for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '']) {
    expect(() => loadConfig({ TRUST_PROXY: `127.0.0.1,${bad}` })).toThrow(
      `TRUST_PROXY takes addresses or CIDR ranges like 10.0.0.0/8 or ::1, not "${bad}"`,
    );
  }
});

test('REDIS_URL must be a redis:// URL', () => {
  expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6390' }).redisUrl).toBe(
    'redis://127.0.0.1:6390',
  );
  expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
    'REDIS_URL takes a URL like redis://127.0.0.1:6379, not "http://127.0.0.1:6379"',
  );
});

test('the head may not have longer than the whole request', () => {
  expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '40000' })).toThrow(
    'HEADERS_TIMEOUT_MS (40000) may not be longer than REQUEST_TIMEOUT_MS (30000)',
  );
});

test('the defaults are those of a public server', () => {
  // A few dozen WebSockets an address at most; thousands of messages a
  // second are over the rate; a 2 MB body is over every body limit;
  // a client that never finishes its head is gone within seconds.
  expect(DEFAULTS.wsMaxPerClient).toBeGreaterThan(0);
  expect(DEFAULTS.wsMaxPerClient).toBeLessThanOrEqual(48);
  expect(DEFAULTS.wsMessagesPerSecond + DEFAULTS.wsMessageBurst).toBeLessThan(1_000);
  for (const limit of [DEFAULTS.restMaxBodyBytes, DEFAULTS.rpcMaxBodyBytes]) {
    expect(limit).toBeLessThan(2 * 1024 * 1024);
  }
  expect(DEFAULTS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
  expect(DEFAULTS.trustProxy).toEqual([]);
  expect(DEFAULTS.redisUrl).toBeNull();
});
