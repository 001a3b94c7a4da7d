// Every setting and limit of the playground, in one place: a safe
// default for a public deployment, overridable from the environment.
// The README's "Environment variables" table lists the same rows.

import { fileURLToPath } from 'node:url';

/** The playground's settings, after defaults and validation. */
export interface Config {
  /** HOST: the address to listen on. */
  host: string;
  /** PORT: the HTTP port; 0 picks a free one. */
  port: number;
  /** SITE_DIR: the built site to serve; null serves no site. */
  siteDir: string | null;
  /** ALLOWED_ORIGINS: pages on other origins allowed to open WebSockets. */
  allowedOrigins: string[];
  /** WS_MAX_MESSAGE_BYTES: larger WebSocket messages are closed with 1009. */
  wsMaxMessageBytes: number;
  /** HEADERS_TIMEOUT_MS: a client must finish its headers within this. */
  headersTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS: a whole request must arrive within this. */
  requestTimeoutMs: number;
  /** SHUTDOWN_GRACE_MS: how long clients get to close on shutdown. */
  shutdownGraceMs: number;
}

/** The built site, where `astro build` puts it. */
export const DEFAULT_SITE_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 8080,
  siteDir: DEFAULT_SITE_DIR,
  allowedOrigins: [],
  wsMaxMessageBytes: 64 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  shutdownGraceMs: 3_000,
};

/** A setting in the environment that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings from `env`, falling back to DEFAULTS. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env['HOST'] || DEFAULTS.host,
    port: integer(env, 'PORT', DEFAULTS.port, 0, 65_535),
    siteDir: env['SITE_DIR'] || DEFAULTS.siteDir,
    allowedOrigins: origins(env['ALLOWED_ORIGINS']),
    wsMaxMessageBytes: integer(
      env, 'WS_MAX_MESSAGE_BYTES', DEFAULTS.wsMaxMessageBytes, 1, 2 ** 27,
    ),
    headersTimeoutMs: integer(
      env, 'HEADERS_TIMEOUT_MS', DEFAULTS.headersTimeoutMs, 1, 600_000,
    ),
    requestTimeoutMs: integer(
      env, 'REQUEST_TIMEOUT_MS', DEFAULTS.requestTimeoutMs, 1, 3_600_000,
    ),
    shutdownGraceMs: integer(
      env, 'SHUTDOWN_GRACE_MS', DEFAULTS.shutdownGraceMs, 0, 60_000,
    ),
  };
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}, not "${raw}"`,
    );
  }
  return value;
}

function origins(raw: string | undefined) {
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const text = item.trim();
    let origin: string;
    try {
      origin = new URL(text).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== text.replace(/\/$/, '')) {
      throw new ConfigError(
        `ALLOWED_ORIGINS takes origins like https://example.org, not "${text}"`,
      );
    }
    return origin;
  });
}
