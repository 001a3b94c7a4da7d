// The certificate and key the TLS port serves: TLS_CERT and TLS_KEY
// when they are set, else a self-signed certificate for localhost,
// made in TLS_DIR at first start and reused on later starts while it
// has more than a day left (examples/websocket/self-signed.ts).

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CertificateFiles,
  makeSelfSigned,
  stillGood,
} from '../examples/websocket/self-signed.ts';
import { type Config, ConfigError } from './config.ts';

/** What the TLS port serves, and where it came from. */
export interface TlsFiles extends CertificateFiles {
  /** The leaf certificate's SHA-256 fingerprint, as Node writes it. */
  fingerprint256: string;
  /** "TLS_CERT", "self-signed (made)" or "self-signed (reused)". */
  source: string;
}

type TlsSettings = Pick<Config, 'tlsCert' | 'tlsKey' | 'tlsDir'>;

/** Loads TLS_CERT and TLS_KEY, or makes or reuses the self-signed pair. */
export async function loadTlsFiles(config: TlsSettings): Promise<TlsFiles> {
  if (config.tlsCert !== null && config.tlsKey !== null) {
    const cert = readPem('TLS_CERT', config.tlsCert);
    const key = readPem('TLS_KEY', config.tlsKey);
    const leaf = parse('TLS_CERT', config.tlsCert, () => new X509Certificate(cert));
    const privateKey = parse('TLS_KEY', config.tlsKey, () => createPrivateKey(key));
    if (!leaf.checkPrivateKey(privateKey)) {
      throw new ConfigError(
        `TLS_KEY (${config.tlsKey}) is not the private key of TLS_CERT (${config.tlsCert})`,
      );
    }
    return { cert, key, fingerprint256: leaf.fingerprint256, source: 'TLS_CERT' };
  }
  const certPath = join(config.tlsDir, 'cert.pem');
  const keyPath = join(config.tlsDir, 'key.pem');
  const kept = readKept(certPath, keyPath);
  if (kept && stillGood(kept)) {
    return { ...kept, fingerprint256: fingerprintOf(kept), source: 'self-signed (reused)' };
  }
  const made = await makeSelfSigned();
  try {
    mkdirSync(config.tlsDir, { recursive: true });
    // The key is readable by this user only, as ssh keeps its own.
    writeFileSync(keyPath, made.key, { mode: 0o600 });
    writeFileSync(certPath, made.cert);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`TLS_DIR (${config.tlsDir}) cannot hold the certificate: ${code}`);
  }
  return { ...made, fingerprint256: fingerprintOf(made), source: 'self-signed (made)' };
}

function fingerprintOf(files: CertificateFiles) {
  return new X509Certificate(files.cert).fingerprint256;
}

/** The pair kept by an earlier start, if both files are there and parse. */
function readKept(certPath: string, keyPath: string): CertificateFiles | null {
  try {
    const files = { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
    new X509Certificate(files.cert);
    createPrivateKey(files.key);
    return files;
  } catch {
    // Missing or damaged: make a new pair over it.
    return null;
  }
}

function readPem(env: string, path: string) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${env} names a file that cannot be read: ${path} (${code})`);
  }
}

function parse<T>(env: string, path: string, parser: () => T): T {
  try {
    return parser();
  } catch (error) {
    const what = env === 'TLS_CERT' ? 'a PEM certificate' : 'a PEM private key';
    throw new ConfigError(`${env} (${path}) is not ${what}: ${(error as Error).message}`);
  }
}
