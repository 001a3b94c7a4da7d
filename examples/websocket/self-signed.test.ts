import { X509Certificate } from 'node:crypto';
import { expect, test } from 'vitest';
import { LOCAL_NAMES, makeSelfSigned, stillGood } from './self-signed.ts';

const DAY_MS = 86_400_000;

test('the certificate names localhost, 127.0.0.1 and ::1, signs itself, and serves TLS only', async () => {
  const files = await makeSelfSigned();
  const cert = new X509Certificate(files.cert);
  expect(cert.subject).toBe('CN=localhost');
  expect(cert.issuer).toBe(cert.subject);
  expect(cert.subjectAltName).toBe(
    'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
  );
  expect(cert.ca).toBe(false);
  expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  expect(cert.verify(cert.publicKey)).toBe(true);
  expect(Date.parse(cert.validTo) - Date.parse(cert.validFrom)).toBe(90 * DAY_MS);
  expect(files.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(stillGood(files)).toBe(true);
});

test('stillGood refuses a certificate that has expired, expires within the margin, or has not begun', async () => {
  const expired = await makeSelfSigned(LOCAL_NAMES, {
    notBefore: new Date(Date.now() - 10 * DAY_MS),
    days: 1,
  });
  expect(stillGood(expired)).toBe(false);
  const endingSoon = await makeSelfSigned(LOCAL_NAMES, { days: 0.5 });
  expect(stillGood(endingSoon)).toBe(false);
  const notYet = await makeSelfSigned(LOCAL_NAMES, { notBefore: new Date(Date.now() + DAY_MS) });
  expect(stillGood(notYet)).toBe(false);
});

test('stillGood refuses a certificate without one of the names, or with another key', async () => {
  const onlyLocalhost = await makeSelfSigned(['localhost']);
  expect(stillGood(onlyLocalhost, ['localhost'])).toBe(true);
  expect(stillGood(onlyLocalhost)).toBe(false);
  const other = await makeSelfSigned();
  expect(stillGood({ cert: onlyLocalhost.cert, key: other.key }, ['localhost'])).toBe(false);
});
