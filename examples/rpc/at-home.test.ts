// The page's "running at home" commands, run exactly as the page
// prints them (at-home.ts), against a playground they start on a
// port of their own. Only ports the page does not mention are moved
// to free ones through the environment, so parallel runs never meet.

import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needs } from '../../tests/support/needs.ts';
import { atHome } from './at-home.ts';
import { REQUEST } from './first-call.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

function whyNcIsMissing() {
  try {
    execFileSync('sh', ['-c', 'command -v nc'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'nc is not installed (apt-get install netcat-openbsd)';
  }
}

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

needs(whyNcIsMissing()).describe('the commands for running at home', () => {
  let playground: ChildProcess;
  let commands: ReturnType<typeof atHome>;
  const run = (command: string) => exec('sh', ['-c', command], { cwd: root, timeout: 10_000 });

  beforeAll(async () => {
    commands = atHome(await freePort());
    // Its own process group, so stopping it stops node, not only sh.
    playground = spawn('sh', ['-c', commands.playground], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        TCP_ECHO_PORT: '0',
        UDP_ECHO_PORT: '0',
        RPC_GO_PORT: '0',
      },
    });
    await new Promise<void>((resolve, reject) => {
      playground.stdout!.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('is running at')) resolve();
      });
      playground.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
  }, 30_000);
  afterAll(() => {
    if (playground?.pid) process.kill(-playground.pid, 'SIGTERM');
  });

  test('nc: one line out, the answer back', async () => {
    const { stdout } = await run(commands.nc);
    expect(stdout).toBe('{"jsonrpc":"2.0","result":56,"id":1}\n');
  });

  test("node: the page's code, from a terminal", async () => {
    const { stdout } = await run(commands.node);
    expect(stdout).toBe(`→ ${REQUEST}\n← {"jsonrpc":"2.0","result":56,"id":1}\n`);
  });
});
