// A self-signed certificate for a server on this machine.
//
// A TLS server proves who it is with a certificate: its public key and
// the names it answers to, signed. A certificate authority signs the
// ones browsers trust; one signed by its own key is "self-signed", and
// a client trusts it only when told to (a CA file, Go's RootCAs).
// Node can sign and verify, but cannot write an X.509 certificate, so
// the `selfsigned` package does that part, on Node's WebCrypto.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A certificate and its private key, both PEM. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

/** The names a client may dial the playground by, on this machine. */
export const LOCAL_NAMES = ['localhost', '127.0.0.1', '::1'];

const DAY_MS = 86_400_000;

// #region make
/** Makes a certificate for `names`, valid from `notBefore` for `days`. */
export async function makeSelfSigned(
  names = LOCAL_NAMES,
  { notBefore = new Date(), days = 90 } = {},
): Promise<CertificateFiles> {
  const pems = await generate(
    [{ name: 'commonName', value: names[0] ?? 'localhost' }],
    {
      // An EC key: made in milliseconds, where RSA 2048 takes a while.
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: notBefore,
      notAfterDate: new Date(notBefore.getTime() + days * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        // Clients check the name they dialled against these; Go (since
        // 1.15) and browsers no longer look at the subject's CN.
        { name: 'subjectAltName', altNames: names.map(altName) },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}
// #endregion make

/** A DNS name or an IP address, as subjectAltName writes each. */
function altName(name: string) {
  return isIP(name)
    ? { type: 7 as const, ip: name }
    : { type: 2 as const, value: name };
}

/** True when `files` can serve `names` for at least `marginMs` more. */
export function stillGood(
  files: CertificateFiles,
  names = LOCAL_NAMES,
  marginMs = DAY_MS,
) {
  const cert = new X509Certificate(files.cert);
  const now = Date.now();
  return (
    Date.parse(cert.validFrom) <= now &&
    Date.parse(cert.validTo) - now > marginMs &&
    names.every((name) =>
      isIP(name) ? cert.checkIP(name) : cert.checkHost(name),
    ) &&
    cert.checkPrivateKey(createPrivateKey(files.key))
  );
}
