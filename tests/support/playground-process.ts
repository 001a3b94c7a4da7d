// The playground as a real process, as `npm start` runs it, for tests
// of what only a process shows: signals, exit codes, several
// instances, memory after garbage collection.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../playground-server/main.ts', import.meta.url));

/**
 * Starts `node playground-server/main.ts` on free ports with `env`;
 * `url` resolves with the address it prints, or rejects with its
 * output if it exits first.
 */
export function startPlaygroundProcess(env: Record<string, string>, nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, main], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      TCP_ECHO_PORT: '0',
      UDP_ECHO_PORT: '0',
      RPC_TCP_PORT: '0',
      RPC_GO_PORT: '0',
      GRPC_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+?)\/?$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(output)));
  });
  // A test that expects an early exit never awaits the URL.
  url.catch(() => {});
  return { child, url, exited, output: () => output };
}
