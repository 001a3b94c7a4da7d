// Builds and starts the Go originals under examples/go/, for interop
// tests. Go runs in GOPATH mode against Debian's packaged libraries
// (golang-go, golang-github-gorilla-websocket-dev), so no network is
// needed.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOPATH = process.env['GOPATH'] || '/usr/share/gocode';
const GO_ENV = { ...process.env, GO111MODULE: 'off', GOPATH };
const examples = fileURLToPath(new URL('../../examples/go/', import.meta.url));

/** Why the Go interop tests cannot run here, or null when they can. */
export function whyGoIsMissing(needs: 'go' | 'gorilla' = 'gorilla') {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    return 'Go is not installed (apt-get install golang-go)';
  }
  const gorilla = join(GOPATH, 'src/github.com/gorilla/websocket');
  if (needs === 'gorilla' && !existsSync(gorilla)) {
    return (
      `gorilla/websocket is not in ${gorilla} ` +
      '(apt-get install golang-github-gorilla-websocket-dev)'
    );
  }
  return null;
}

const built = new Map<string, string>();

/** Compiles examples/go/<file> once per test run; returns the binary. */
export function buildGo(file: string) {
  const cached = built.get(file);
  if (cached) return cached;
  const out = join(mkdtempSync(join(tmpdir(), 'wirebook-go-')), basename(file, '.go'));
  execFileSync('go', ['build', '-o', out, join(examples, file)], {
    env: GO_ENV,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  built.set(file, out);
  return out;
}

/** A running Go program that printed "listening on <addr>". */
export interface GoProgram {
  process: ChildProcess;
  address: string;
  stop(): void;
}

/** Starts a built Go server and waits until it says where it listens. */
export function startGo(binary: string, args: string[]): Promise<GoProgram> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        resolve({ process: child, address: match[1]!, stop: () => child.kill() });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`${basename(binary)} exited with ${code}: ${output}`));
    });
  });
}
