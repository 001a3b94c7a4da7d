// A throwaway redis-server for the scaling tests: on a free loopback
// port (Redis cannot take port 0), saving nothing, gone with the test.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { Redis } from 'ioredis';

/** Why redis-server cannot run here, or null when it can. */
export function whyRedisIsMissing() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'redis-server is not installed (apt-get install redis-server)';
  }
}

/** A port that was free a moment ago, from the kernel. */
export async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts redis-server; resolves once it accepts connections. stop()
 * ends it; restart() starts a new one on the same port (ending the
 * old one if it still runs), empty, as a Redis without persistence
 * comes back from a crash.
 */
export async function startRedis() {
  const port = await freePort();
  let server = await spawnRedis(port);
  const stop = async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    async restart() {
      await stop();
      server = await spawnRedis(port);
    },
  };
}

/**
 * Keeps the single-threaded Redis at `url` busy for `ms` with a script,
 * so every command sent meanwhile waits; resolves once the script has
 * begun, with `done`, which resolves once Redis is free again.
 */
export async function busyRedis(url: string, ms: number) {
  const client = new Redis(url);
  const busy = client.eval(
    `local t = redis.call('TIME')
     repeat local n = redis.call('TIME') until (n[1] - t[1]) * 1e6 + (n[2] - t[2]) > tonumber(ARGV[1])`,
    0,
    ms * 1_000,
  );
  // Sent once the connection is up; a moment later it runs, and the
  // caller's commands queue behind it.
  await new Promise((resolve) => client.once('ready', resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { done: busy.finally(() => client.disconnect()) };
}

/** One redis-server on `port`, once it accepts connections. */
async function spawnRedis(port: number) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    child.stdout.on('data', () => {
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve();
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited:\n${output}`));
    });
  });
  return { child, exited };
}
