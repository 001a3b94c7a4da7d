// Builds and starts the Go originals under examples/go/, for interop
// tests. Go runs in GOPATH mode against Debian's packaged libraries
// (golang-go, golang-github-gorilla-websocket-dev, and for gRPC
// golang-google-grpc-dev with protoc's generated code), so no network
// is needed.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstMissing, type Requirement } from './needs.ts';

const GOPATH = process.env['GOPATH'] || '/usr/share/gocode';
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** True when `command` runs with `args` and exits 0. */
function runs(command: string, ...args: string[]) {
  return () => {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
}

/** True when `path` is under GOPATH's src. */
const inGopath = (path: string) => () => existsSync(join(GOPATH, 'src', path));

const GO: Requirement[] = [{ what: 'Go', present: runs('go', 'version'), apt: 'golang-go' }];

const GORILLA: Requirement[] = [
  {
    what: `gorilla/websocket (in ${GOPATH})`,
    present: inGopath('github.com/gorilla/websocket'),
    apt: 'golang-github-gorilla-websocket-dev',
  },
];

/** What building the gRPC examples takes: protoc, its Go plugins, the Go libraries. */
export const GRPC: Requirement[] = [
  { what: 'protoc', present: runs('protoc', '--version'), apt: 'protobuf-compiler' },
  { what: 'protoc-gen-go', present: runs('protoc-gen-go', '--version'), apt: 'protoc-gen-go' },
  {
    what: 'protoc-gen-go-grpc',
    present: runs('protoc-gen-go-grpc', '--version'),
    apt: 'protoc-gen-go-grpc',
  },
  {
    what: `grpc-go (in ${GOPATH})`,
    present: inGopath('google.golang.org/grpc'),
    apt: 'golang-google-grpc-dev',
  },
  {
    what: `protobuf-go (in ${GOPATH})`,
    present: inGopath('google.golang.org/protobuf'),
    apt: 'golang-google-protobuf-dev',
  },
  // Debian's grpc encodes through github.com/golang/protobuf, and
  // apt satisfies that with 1.3 unless told otherwise: 1.3 panics on
  // protoc-gen-go's messages, 1.4 and later (registry.go) hand them
  // to protobuf-go.
  {
    what: `github.com/golang/protobuf 1.5 (in ${GOPATH}; 1.3 cannot encode generated messages)`,
    present: inGopath('github.com/golang/protobuf/proto/registry.go'),
    apt: 'golang-github-golang-protobuf-1-5-dev',
  },
];

const NEEDS = { go: GO, gorilla: [...GO, ...GORILLA], grpc: [...GO, ...GRPC] };

/** Why the Go interop tests cannot run here, or null when they can. */
export function whyGoIsMissing(needs: keyof typeof NEEDS = 'gorilla') {
  return firstMissing(NEEDS[needs]);
}

const generated = new Map<string, string>();

/**
 * Runs protoc with protoc-gen-go and protoc-gen-go-grpc on
 * examples/<proto>, once per test run, into a GOPATH entry of its own
 * (the .proto's go_package names the directory under src/); returns
 * that entry. Generated code is never committed, so it is never stale.
 */
export function generateGo(proto: string) {
  const cached = generated.get(proto);
  if (cached) return cached;
  const entry = mkdtempSync(join(tmpdir(), 'wirebook-gopb-'));
  mkdirSync(join(entry, 'src'));
  execFileSync(
    'protoc',
    [
      `-I${join(examples, dirname(proto))}`,
      `--go_out=${join(entry, 'src')}`,
      `--go-grpc_out=${join(entry, 'src')}`,
      basename(proto),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  generated.set(proto, entry);
  return entry;
}

const built = new Map<string, string>();

/**
 * Compiles examples/go/<file> once per test run; returns the binary.
 * `protos` (paths under examples/) are generated first and put on
 * GOPATH before Debian's libraries.
 */
export function buildGo(file: string, { protos = [] }: { protos?: string[] } = {}) {
  const cached = built.get(file);
  if (cached) return cached;
  const out = join(mkdtempSync(join(tmpdir(), 'wirebook-go-')), basename(file, '.go'));
  const gopath = [...protos.map(generateGo), GOPATH].join(':');
  execFileSync('go', ['build', '-o', out, join(examples, 'go', file)], {
    env: { ...process.env, GO111MODULE: 'off', GOPATH: gopath },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  built.set(file, out);
  return out;
}

/** A running Go program that printed "listening on <addr>". */
export interface GoProgram {
  process: ChildProcess;
  address: string;
  /** Everything it has printed so far, stdout and stderr. */
  output(): string;
  stop(): void;
}

/** Starts a built Go server and waits until it says where it listens. */
export function startGo(binary: string, args: string[]): Promise<GoProgram> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match && !listening) {
        listening = true;
        resolve({
          process: child,
          address: match[1]!,
          output: () => output,
          stop: () => child.kill(),
        });
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
