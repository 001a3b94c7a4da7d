// deploy/nginx.conf read as text: what the README and the TLS page say
// of it holds, and the test configuration changes only what it means
// to. tests/deploy/nginx.test.ts runs it for real.

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DEFAULTS } from '../playground-server/config.ts';
import { NGINX_CONF, testConfiguration } from './support/nginx.ts';

const conf = readFileSync(NGINX_CONF, 'utf8');
/** The configuration's directives, comments dropped and spaces collapsed. */
const directives = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** A duration directive's value in milliseconds ("75s", "4s"). */
function durationMs(name: string) {
  const line = directives(conf).find((directive) => directive.startsWith(`${name} `));
  const match = line && /^\S+ (\d+)(ms|s|m)?;$/.exec(line);
  if (!match) throw new Error(`no ${name} in deploy/nginx.conf`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] ?? 's']!;
}

test('the TLS page shows lines of deploy/nginx.conf, not lines of its own', () => {
  const page = readFileSync(new URL('../docs/websocket/tls.mdx', import.meta.url), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(page)?.[1];
  expect(block, 'the page has an nginx block').toBeTruthy();
  const shipped = new Set(directives(conf));
  for (const line of directives(block!)) expect(shipped, line).toContain(line);
});

test('the upstream is round-robin with no affinity', () => {
  const upstream = /upstream playground \{([\s\S]*?)\n\}/.exec(conf)?.[1] ?? '';
  expect(directives(upstream).filter((line) => line.startsWith('server '))).toHaveLength(2);
  for (const sticky of ['hash', 'ip_hash', 'sticky', 'least_conn', 'random']) {
    expect(
      directives(upstream).some((line) => line.startsWith(`${sticky} `) || line === `${sticky};`),
    ).toBe(false);
  }
});

test('a quiet WebSocket outlives the heartbeat; a kept connection dies before the instance closes it', () => {
  expect(durationMs('proxy_read_timeout')).toBeGreaterThan(DEFAULTS.wsHeartbeatMs);
  expect(durationMs('proxy_send_timeout')).toBeGreaterThan(DEFAULTS.wsHeartbeatMs);
  expect(durationMs('keepalive_timeout')).toBeLessThan(DEFAULTS.keepAliveTimeoutMs);
});

test('the upgrade, the reader and the host reach the instances; streams are not buffered', () => {
  const lines = directives(conf);
  for (const line of [
    'proxy_http_version 1.1;',
    'proxy_set_header Upgrade $http_upgrade;',
    'proxy_set_header Connection $connection_upgrade;',
    'proxy_set_header Host $http_host;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_buffering off;',
    'proxy_request_buffering off;',
  ]) {
    expect(lines).toContain(line);
  }
});

test('the test configuration swaps the upstreams, ports and certificate, and nothing else', () => {
  const test = testConfiguration(conf, {
    upstreams: ['127.0.0.1:1001', '127.0.0.1:1002', '127.0.0.1:1003'],
    port: 2001,
    tlsPort: 2002,
    redirectPort: 2003,
    cert: '/tmp/c.pem',
    key: '/tmp/k.pem',
  });
  const removed = directives(conf).filter((line) => !directives(test).includes(line));
  const added = directives(test).filter((line) => !directives(conf).includes(line));
  expect(removed).toEqual([
    'server 10.0.0.11:8080;',
    'server 10.0.0.12:8080;',
    'listen 443 ssl http2;',
    'listen [::]:443 ssl http2;',
    'ssl_certificate /etc/letsencrypt/live/play.example.org/fullchain.pem;',
    'ssl_certificate_key /etc/letsencrypt/live/play.example.org/privkey.pem;',
    'listen 80;',
    'listen [::]:80;',
  ]);
  expect(added).toEqual([
    'server 127.0.0.1:1001;',
    'server 127.0.0.1:1002;',
    'server 127.0.0.1:1003;',
    'listen 127.0.0.1:2002 ssl http2;',
    'listen 127.0.0.1:2001;',
    'ssl_certificate /tmp/c.pem;',
    'ssl_certificate_key /tmp/k.pem;',
    'listen 127.0.0.1:2003;',
  ]);
});
