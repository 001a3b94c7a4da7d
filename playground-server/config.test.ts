import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import {
  BEGIN,
  END,
  environmentTable,
  README,
  withEnvironmentTable,
} from '../scripts/readme-env.ts';
import { ConfigError, loadConfig, SETTINGS } from './config.ts';

test('an empty environment gives the defaults of a public server', () => {
  // Written out, not read from config.ts, so that changing a default
  // is a change to this test too. A few dozen WebSockets an address at
  // most; thousands of messages a second are over the rate; a 2 MB
  // body is over every body limit; a client that never finishes its
  // head is gone within seconds; no proxy is trusted and nothing is
  // shared until it is asked for.
  expect(loadConfig({})).toEqual({
    host: '127.0.0.1',
    port: 8080,
    siteDir: fileURLToPath(new URL('../dist/', import.meta.url)),
    allowedOrigins: [],
    trustProxy: [],
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
    maxHeaderBytes: 16_384,
    maxHeaders: 64,
    maxConnections: 4_096,
    shutdownGraceMs: 3_000,
    redisUrl: null,
    tlsPort: 8443,
    tlsCert: null,
    tlsKey: null,
    tlsDir: fileURLToPath(new URL('../.tls/', import.meta.url)),
    wsMaxMessageBytes: 65_536,
    wsInspectors: 32,
    wsInspectFrames: 64,
    wsMaxPerClient: 16,
    wsMessagesPerSecond: 100,
    wsMessageBurst: 200,
    wsHeartbeatMs: 30_000,
    wsIdleTimeoutMs: 600_000,
    wsSendQueueBytes: 1_048_576,
    pushTickMs: 1_000,
    chatMaxChars: 280,
    chatPerMinute: 30,
    chatBurst: 5,
    whyMaxRuns: 8,
    pushReplay: 500,
    wsAuthTickets: 1_000,
    wsAuthTicketSeconds: 30,
    wsAuthSessions: 1_000,
    wsAuthSessionSeconds: 3_600,
    wsAuthWaiting: 64,
    wsAuthFirstMessageMs: 5_000,
    tcpEchoPort: 7007,
    tcpEchoMaxLineBytes: 1024,
    tcpEchoIdleTimeoutMs: 30_000,
    tcpEchoMaxConnections: 100,
    udpEchoPort: 7007,
    udpEchoMaxDatagramBytes: 1024,
    runTimeLimitMs: 20_000,
    runMaxLines: 200,
    runMaxPerClient: 3,
    runMaxTotal: 20,
    restMaxBodyBytes: 16_384,
    restMaxUrlBytes: 2048,
    restMaxNotesPerToken: 25,
    restMaxTokens: 200,
    restCacheMaxBytes: 4_194_304,
    restPageDefault: 10,
    restPageMax: 20,
    restRatePerMinute: 600,
    restRateBurst: 600,
    restIdempotencyKeys: 25,
    restIdempotencyTtlMs: 86_400_000,
    rpcTcpPort: 8301,
    rpcGoPort: 8302,
    rpcMaxBatch: 100,
    rpcMaxBodyBytes: 65_536,
    rpcCallTimeLimitMs: 5_000,
    rpcMaxInFlight: 16,
    rpcTcpMaxConnections: 100,
    rpcTcpIdleMs: 60_000,
    rpcErrorLogsPerMinute: 10,
    grpcPort: 8303,
    grpcMaxMessageBytes: 65_536,
    grpcCallTimeLimitMs: 5_000,
    grpcMaxStreams: 16,
    grpcMaxConnections: 100,
    grpcIdleTimeoutMs: 60_000,
  });
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
  [{ PORT: '1e3' }, 'PORT must be a whole number from 0 to 65535, not "1e3"'],
  [
    { WS_MAX_MESSAGE_BYTES: '1.5' },
    'WS_MAX_MESSAGE_BYTES must be a whole number from 1 to 134217728, not "1.5"',
  ],
  [
    { WS_AUTH_TICKET_SECONDS: '0' },
    'WS_AUTH_TICKET_SECONDS must be a whole number from 1 to 3600, not "0"',
  ],
  [
    { WS_AUTH_FIRST_MESSAGE_MS: '120000' },
    'WS_AUTH_FIRST_MESSAGE_MS must be a whole number from 10 to 60000, not "120000"',
  ],
  [
    { ALLOWED_ORIGINS: 'example.org' },
    'ALLOWED_ORIGINS takes origins like https://example.org, not "example.org"',
  ],
  [
    { ALLOWED_ORIGINS: 'https://a.example/path' },
    'ALLOWED_ORIGINS takes origins like https://example.org, not "https://a.example/path"',
  ],
])('%o is refused with a message that says why', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  // The whole message: toThrow with a string would take any part of it.
  expect(() => loadConfig(env)).toThrow(new ConfigError(message));
});

test('the environment table has a row a setting: its name, default and doc', () => {
  const rows = environmentTable().split('\n');
  expect(rows.slice(0, 5)).toEqual([
    '| name | default | what it does; what a client sees at the limit |',
    '| --- | --- | --- |',
    '| `HOST` | `127.0.0.1` | the address to listen on |',
    '| `PORT` | `8080` | the HTTP port (`0` picks a free one) |',
    '| `SITE_DIR` | `dist/` | the built site to serve; without it, pages answer 503 saying how to build |',
  ]);
  expect(rows).toContain(
    '| `REDIS_URL` | (none) | a Redis server (`redis://host:6379`) that every instance shares: the state a visitor reaches across requests (notes, tickets, runs, reports, the push numbering), the deployment-wide caps, and the pub/sub between instances; without it, all of it stays inside this process |',
  );
  expect(rows).toContain(
    '| `RPC_ERROR_LOGS_PER_MINUTE` | `10` | failed calls (such as `explode`) logged per minute, after a burst of as many; the rest are counted, and the next logged line says how many were left out |',
  );
  expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual(
    Object.values(SETTINGS).map((setting) => `| \`${setting.env}\``),
  );
});

test('the README shows the environment table as the settings make it (npm run readme)', () => {
  const readme = readFileSync(README, 'utf8');
  const shown = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END));
  expect(shown, 'README.md is stale: run npm run readme').toBe(`\n\n${environmentTable()}\n\n`);
  expect(withEnvironmentTable(readme)).toBe(readme);
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

test('WS_PUSH_REPLAY keeps 0 to 100000 messages; 0 turns replay off', () => {
  expect(loadConfig({ WS_PUSH_REPLAY: '0' }).pushReplay).toBe(0);
  expect(loadConfig({ WS_PUSH_REPLAY: '100000' }).pushReplay).toBe(100_000);
  for (const raw of ['-1', '100001', 'lots']) {
    expect(() => loadConfig({ WS_PUSH_REPLAY: raw })).toThrow(
      new ConfigError(`WS_PUSH_REPLAY must be a whole number from 0 to 100000, not "${raw}"`),
    );
  }
});

test('TLS_PORT takes a port, 0 for a free one, or off', () => {
  expect(loadConfig({ TLS_PORT: '0' }).tlsPort).toBe(0);
  expect(loadConfig({ TLS_PORT: '9443' }).tlsPort).toBe(9443);
  expect(loadConfig({ TLS_PORT: 'off' }).tlsPort).toBeNull();
  for (const bad of ['none', '-1', '65536', '8443.5']) {
    expect(() => loadConfig({ TLS_PORT: bad })).toThrow(
      new ConfigError(`TLS_PORT must be a whole number from 0 to 65535, or off, not "${bad}"`),
    );
  }
});

test('TLS_CERT and TLS_KEY must be readable files, and set together', () => {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  expect(loadConfig({ TLS_CERT: readme, TLS_KEY: readme })).toMatchObject({
    tlsCert: readme,
    tlsKey: readme,
  });
  expect(() => loadConfig({ TLS_CERT: '/nonexistent/cert.pem', TLS_KEY: readme })).toThrow(
    new ConfigError('TLS_CERT names a file that cannot be read: /nonexistent/cert.pem (ENOENT)'),
  );
  expect(() => loadConfig({ TLS_CERT: readme, TLS_KEY: '/nonexistent/key.pem' })).toThrow(
    new ConfigError('TLS_KEY names a file that cannot be read: /nonexistent/key.pem (ENOENT)'),
  );
  expect(() => loadConfig({ TLS_CERT: readme })).toThrow(
    new ConfigError('TLS_CERT is set but TLS_KEY is not: set both, or neither'),
  );
  expect(() => loadConfig({ TLS_KEY: readme })).toThrow(
    new ConfigError('TLS_KEY is set but TLS_CERT is not: set both, or neither'),
  );
});

test('a page without a limit may not be larger than the largest page', () => {
  expect(loadConfig({ REST_PAGE_DEFAULT: '5', REST_PAGE_MAX: '5' })).toMatchObject({
    restPageDefault: 5,
    restPageMax: 5,
  });
  expect(() => loadConfig({ REST_PAGE_DEFAULT: '30' })).toThrow(
    new ConfigError('REST_PAGE_DEFAULT (30) may not be larger than REST_PAGE_MAX (20)'),
  );
  expect(() => loadConfig({ REST_PAGE_MAX: '0' })).toThrow(
    'REST_PAGE_MAX must be a whole number from 1 to 1000, not "0"',
  );
});
