import { expect, test } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from './config.ts';

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
  [{ WS_MAX_MESSAGE_BYTES: '1.5' }, 'WS_MAX_MESSAGE_BYTES must be a whole number'],
  [{ ALLOWED_ORIGINS: 'example.org' }, 'ALLOWED_ORIGINS takes origins like https://example.org, not "example.org"'],
  [{ ALLOWED_ORIGINS: 'https://a.example/path' }, 'not "https://a.example/path"'],
])('%o is refused with a message that says why', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});
