import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LOCAL_NAMES, makeSelfSigned } from '../examples/websocket/self-signed.ts';
import { ConfigError } from './config.ts';
import { loadTlsFiles } from './tls-files.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'wirebook-tls-test-'));
const selfSigned = (tlsDir: string) => ({ tlsCert: null, tlsKey: null, tlsDir });

test('the first start makes a self-signed pair in TLS_DIR, the key private; later starts reuse it', async () => {
  const tlsDir = join(freshDir(), 'nested');
  const made = await loadTlsFiles(selfSigned(tlsDir));
  expect(made.source).toBe('self-signed (made)');
  expect(readFileSync(join(tlsDir, 'cert.pem'), 'utf8')).toBe(made.cert);
  expect(statSync(join(tlsDir, 'key.pem')).mode & 0o777).toBe(0o600);
  expect(made.fingerprint256).toBe(new X509Certificate(made.cert).fingerprint256);

  const reused = await loadTlsFiles(selfSigned(tlsDir));
  expect(reused.source).toBe('self-signed (reused)');
  expect(reused.fingerprint256).toBe(made.fingerprint256);
});

test('a kept pair that expires within a day, or is damaged, is made anew', async () => {
  const tlsDir = freshDir();
  const ending = await makeSelfSigned(LOCAL_NAMES, { days: 0.5 });
  writeFileSync(join(tlsDir, 'cert.pem'), ending.cert);
  writeFileSync(join(tlsDir, 'key.pem'), ending.key);
  const renewed = await loadTlsFiles(selfSigned(tlsDir));
  expect(renewed.source).toBe('self-signed (made)');
  expect(renewed.cert).not.toBe(ending.cert);

  writeFileSync(join(tlsDir, 'cert.pem'), 'not a certificate');
  expect((await loadTlsFiles(selfSigned(tlsDir))).source).toBe('self-signed (made)');
});

test('TLS_CERT and TLS_KEY are served as given', async () => {
  const dir = freshDir();
  const given = await makeSelfSigned(['wirebook.test']);
  writeFileSync(join(dir, 'c.pem'), given.cert);
  writeFileSync(join(dir, 'k.pem'), given.key);
  const files = await loadTlsFiles({
    tlsCert: join(dir, 'c.pem'),
    tlsKey: join(dir, 'k.pem'),
    tlsDir: '/nonexistent',
  });
  expect(files).toMatchObject({ ...given, source: 'TLS_CERT' });
});

test('files that are not a certificate, not a key, or not each other’s say which variable to fix', async () => {
  const dir = freshDir();
  const one = await makeSelfSigned();
  const other = await makeSelfSigned();
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const cert = write('cert.pem', one.cert);
  const key = write('key.pem', one.key);
  const garbage = write('garbage.pem', 'hello');
  const otherKey = write('other-key.pem', other.key);
  const cases: [string, string, RegExp][] = [
    [garbage, key, /^TLS_CERT \(.*garbage\.pem\) is not a PEM certificate: /],
    [cert, garbage, /^TLS_KEY \(.*garbage\.pem\) is not a PEM private key: /],
    [
      cert,
      otherKey,
      /^TLS_KEY \(.*other-key\.pem\) is not the private key of TLS_CERT \(.*cert\.pem\)$/,
    ],
    [dir, key, /^TLS_CERT names a file that cannot be read: .* \(EISDIR\)$/],
  ];
  for (const [tlsCert, tlsKey, message] of cases) {
    const loading = loadTlsFiles({ tlsCert, tlsKey, tlsDir: dir });
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loading).rejects.toThrow(message);
  }
});

test('a TLS_DIR that cannot hold the pair says so', async () => {
  const file = join(freshDir(), 'a-file');
  writeFileSync(file, '');
  await expect(loadTlsFiles(selfSigned(join(file, 'tls')))).rejects.toThrow(
    `TLS_DIR (${join(file, 'tls')}) cannot hold the certificate: ENOTDIR`,
  );
});
