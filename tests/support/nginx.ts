// deploy/nginx.conf run for real, on loopback: the same file, with its
// upstream, listen and certificate lines swapped for test ones, inside
// a top-level configuration of the test's own (free ports, a pid file,
// logs and temporary files in a temp directory, in the foreground).
// What the test adds: a response header naming the instance that
// answered, so a test can see round-robin at work. The real file has
// none: it would tell the world the instances' addresses.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis.ts';

/** Where nginx is: NGINX_PATH, or Debian's /usr/sbin/nginx. */
export const NGINX_PATH = process.env['NGINX_PATH'] || '/usr/sbin/nginx';

/** The deployment's configuration, as it is shipped. */
export const NGINX_CONF = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

/** The header the test configuration adds: the instance that answered. */
export const UPSTREAM_HEADER = 'x-upstream';

/** Why nginx cannot run here, or null when it can. */
export function whyNginxIsMissing() {
  try {
    execFileSync(NGINX_PATH, ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return `no nginx at ${NGINX_PATH} (apt-get install nginx, or set NGINX_PATH)`;
  }
}

/** Replaces the one match of `pattern` in `text`; throws if there is not exactly one. */
function replaceOnce(text: string, pattern: RegExp, replacement: string) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`));
  if (matches?.length !== 1) {
    throw new Error(`deploy/nginx.conf has ${matches?.length ?? 0} lines like ${pattern}, not 1`);
  }
  return text.replace(pattern, replacement);
}

/** deploy/nginx.conf with the test's upstreams, ports and certificate. */
export function testConfiguration(
  shipped: string,
  options: {
    upstreams: string[];
    port: number;
    tlsPort: number;
    redirectPort: number;
    cert: string;
    key: string;
  },
) {
  let conf = shipped;
  const servers = options.upstreams.map((hostPort) => `    server ${hostPort};`).join('\n');
  conf = replaceOnce(conf, /( {4}server 10\.0\.0\.\d+:\d+;\n)+/, `${servers}\n`);
  // The TLS server also listens in plain HTTP: every test but the TLS
  // one goes through its location without a certificate to trust.
  conf = replaceOnce(
    conf,
    /^ {4}listen 443 ssl http2;\n {4}listen \[::\]:443 ssl http2;$/m,
    `    listen 127.0.0.1:${options.tlsPort} ssl http2;\n    listen 127.0.0.1:${options.port};`,
  );
  conf = replaceOnce(
    conf,
    /^ {4}listen 80;\n {4}listen \[::\]:80;$/m,
    `    listen 127.0.0.1:${options.redirectPort};`,
  );
  conf = replaceOnce(conf, /^ {4}ssl_certificate \S+;$/m, `    ssl_certificate ${options.cert};`);
  conf = replaceOnce(
    conf,
    /^ {4}ssl_certificate_key \S+;$/m,
    `    ssl_certificate_key ${options.key};`,
  );
  return conf;
}

/** The top-level configuration around it: everything in `dir`, in the foreground. */
function topLevel(dir: string) {
  // As root, nginx's workers would switch to "nobody", who cannot
  // write this directory's temporary files; they stay this user.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    add_header X-Upstream $upstream_addr always;
    include ${dir}/playground.conf;
}
`;
}

/** True once something accepts TCP connections on the port. */
function accepts(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A running nginx: its plain and TLS addresses, its redirect port, and how to stop it. */
export interface RunningNginx {
  /** http://127.0.0.1:PORT, the TLS server's location in plain HTTP. */
  url: string;
  /** https://127.0.0.1:PORT, the same server with TLS. */
  tlsUrl: string;
  /** http://127.0.0.1:PORT, the server that redirects to HTTPS. */
  redirectUrl: string;
  /** The configuration it runs, as written. */
  conf: string;
  /** What nginx wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx with deploy/nginx.conf in front of `upstreams`
 * ("127.0.0.1:PORT" each), TLS with `cert` and `key` (PEM).
 */
export async function startNginx(options: {
  upstreams: string[];
  cert: string;
  key: string;
}): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-nginx-'));
  const [port, tlsPort, redirectPort] = [await freePort(), await freePort(), await freePort()];
  writeFileSync(join(dir, 'cert.pem'), options.cert);
  writeFileSync(join(dir, 'key.pem'), options.key, { mode: 0o600 });
  const conf = testConfiguration(readFileSync(NGINX_CONF, 'utf8'), {
    upstreams: options.upstreams,
    port,
    tlsPort,
    redirectPort,
    cert: join(dir, 'cert.pem'),
    key: join(dir, 'key.pem'),
  });
  writeFileSync(join(dir, 'playground.conf'), conf);
  writeFileSync(join(dir, 'nginx.conf'), topLevel(dir));
  const errors = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };

  const child = spawn(
    NGINX_PATH,
    ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port)) || !(await accepts(tlsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${output}${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    tlsUrl: `https://127.0.0.1:${tlsPort}`,
    redirectUrl: `http://127.0.0.1:${redirectPort}`,
    conf,
    errors,
    async stop() {
      if (child.exitCode === null) {
        // SIGQUIT would wait for every WebSocket to end; SIGTERM does not.
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
