// The "running at home" commands of the TCP and UDP pages, run exactly
// as the pages show them (the pages show these very files), each file
// in a network namespace of its own: there the playground's default
// ports are free, and nothing outside the namespace can be reached.

import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { needs } from '../../tests/support/needs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// `node` is the Node that npm install put in node_modules, as in npm's
// own scripts.
const env = { ...process.env, PATH: `${root}node_modules/.bin:${process.env['PATH']}` };

/** One command of a page, and what the page says it prints. */
interface Step {
  command: string;
  background: boolean;
  prints: string[];
}

/** The commands of a shell file, each with its "It prints:" lines. */
function stepsOf(script: string): Step[] {
  const steps: Step[] = [];
  let printing = false;
  for (const line of script.split('\n')) {
    if (line === '# It prints:') {
      printing = true;
    } else if (printing && line.startsWith('#   ')) {
      steps.at(-1)!.prints.push(line.slice(4));
    } else if (line.startsWith('#') || line.trim() === '') {
      printing = false;
    } else {
      printing = false;
      const background = line.endsWith(' &');
      steps.push({ command: background ? line.slice(0, -2) : line, background, prints: [] });
    }
  }
  return steps;
}

/** A printed line as a pattern: "…" stands for anything. */
const pattern = (line: string) =>
  new RegExp(
    `^${line
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );

/** The Debian package of each command the pages' shell files run. */
const packages = {
  unshare: 'util-linux',
  nsenter: 'util-linux',
  ip: 'iproute2',
  nc: 'netcat-openbsd',
};

function whyNamespacesAreMissing() {
  for (const [tool, debian] of Object.entries(packages)) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (apt-get install ${debian})`;
    }
  }
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  } catch {
    return 'this user cannot make a network namespace (unshare -n needs root or CAP_SYS_ADMIN)';
  }
  return null;
}

test("a page's shell file reads as commands, backgrounds and output", () => {
  const steps = stepsOf(
    [
      '# start it',
      'serve &',
      '',
      'ask',
      '# It prints:',
      '#   one',
      '#   two …',
      '# not output',
    ].join('\n'),
  );
  expect(steps).toEqual([
    { command: 'serve', background: true, prints: [] },
    { command: 'ask', background: false, prints: ['one', 'two …'] },
  ]);
  expect(pattern('to 127.0.0.1:…').test('to 127.0.0.1:51234')).toBe(true);
  expect(pattern('to 127.0.0.1:…').test('to 127.0.0.1:')).toBe(false);
});

needs(whyNamespacesAreMissing()).describe("the pages' commands, run as shown", () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started.splice(0).reverse()) child.kill();
  });

  /** A network namespace with its loopback up; returns a process in it. */
  async function namespace() {
    const holder = spawn('unshare', ['-n', 'sleep', '300'], { stdio: 'ignore' });
    started.push(holder);
    await once(holder, 'spawn');
    const pid = String(holder.pid);
    // unshare execs sleep: once sleep is in a namespace of its own, go.
    for (let tries = 0; ; tries++) {
      const mine = execFileSync('readlink', [`/proc/${pid}/ns/net`], { encoding: 'utf8' });
      if (mine !== execFileSync('readlink', ['/proc/self/ns/net'], { encoding: 'utf8' })) break;
      if (tries > 100) throw new Error('unshare did not make a namespace');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    execFileSync('nsenter', ['-t', pid, '-n', 'ip', 'link', 'set', 'lo', 'up']);
    return (command: string) => ['-t', pid, '-n', 'bash', '-c', command];
  }

  test.each(['tcp-at-home.sh', 'udp-at-home.sh'])(
    '%s',
    async (file) => {
      const steps = stepsOf(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
      expect(steps.filter((step) => !step.background).length).toBeGreaterThan(1);
      const inside = await namespace();
      for (const step of steps) {
        if (step.background) {
          // A server: started, and ready once it has said so.
          const server = spawn('nsenter', inside(step.command), { cwd: root, env });
          started.push(server);
          let said = '';
          server.stderr.on('data', (chunk) => {
            said += chunk;
          });
          const ready = once(server.stdout, 'data', { signal: AbortSignal.timeout(20_000) });
          await ready.catch((error) => {
            throw new Error(`${step.command} said nothing: ${said}`, { cause: error });
          });
          continue;
        }
        const { stdout } = await promisify(execFile)('nsenter', inside(step.command), {
          cwd: root,
          env,
          timeout: 20_000,
        });
        const lines = stdout.replace(/\n$/, '').split('\n');
        expect(lines, step.command).toHaveLength(step.prints.length);
        step.prints.forEach((line, i) => {
          expect(lines[i], step.command).toMatch(pattern(line));
        });
      }
    },
    60_000,
  );
});
