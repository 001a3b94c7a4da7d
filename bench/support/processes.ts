// The processes of a benchmark: the servers under test (the playground
// as `npm start` runs it, and the plain baseline) and the load
// generator, each a child of the benchmark with an IPC channel, so no
// two share an event loop. Each is started through a shell that first
// raises its open-files limit, for benchmarks that hold thousands of
// sockets.

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const path = (relative: string) => fileURLToPath(new URL(relative, root));

/** The open files a child asks for. */
export const OPEN_FILES = 65_536;

/**
 * The playground's limits raised for a benchmark on loopback: no cap
 * on sockets per address, a message rate no benchmark reaches, room
 * for tens of thousands of connections, no ticks on /ws/push, and
 * chat as fast as a benchmark triggers broadcasts.
 */
export const PLAYGROUND_BENCH_ENV = {
  WS_MAX_PER_CLIENT: '0',
  WS_MESSAGES_PER_SECOND: '1000000',
  WS_MESSAGE_BURST: '1000000',
  MAX_CONNECTIONS: '40000',
  RPC_MAX_IN_FLIGHT: '1000',
  WS_PUSH_TICK_MS: '3600000',
  WS_CHAT_PER_MINUTE: '60000',
  WS_CHAT_BURST: '10000',
  // gRPC: every call of a benchmark's clients multiplexed on few
  // connections.
  GRPC_MAX_STREAMS: '1000',
};

/** A child with an IPC channel that answers requests by `id`. */
export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  #output = '';
  #next = 0;
  #waiting = new Map<number, (reply: unknown) => void>();

  constructor(script: string, env: Record<string, string>, nodeOptions: string[] = []) {
    // `ulimit -n` in the shell, then exec: the limit is the node
    // process's own. Where it cannot be raised, the probe reports the
    // limit there is, and the benchmark says what to do.
    const command = `ulimit -n ${OPEN_FILES} 2>/dev/null; exec "$0" "$@"`;
    this.process = spawn(
      '/bin/sh',
      ['-c', command, process.execPath, ...nodeOptions, path(script)],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    this.process.stdout!.on('data', (chunk) => (this.#output += chunk));
    this.process.stderr!.on('data', (chunk) => (this.#output += chunk));
    this.process.on('message', (reply: { id: number }) => {
      this.#waiting.get(reply.id)?.(reply);
      this.#waiting.delete(reply.id);
    });
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    void this.exited.then((code) => {
      for (const answer of this.#waiting.values()) {
        answer({ error: `exited with ${code}: ${this.#output.slice(-2000)}` });
      }
    });
  }

  output() {
    return this.#output;
  }

  /** Sends `message` and waits for the reply with the same id. */
  async request<T>(message: object): Promise<T> {
    const id = this.#next++;
    const reply = await new Promise<unknown>((resolve) => {
      this.#waiting.set(id, resolve);
      this.process.send({ ...message, id });
    });
    const { error } = reply as { error?: string };
    if (error) throw new Error(error);
    return reply as T;
  }

  async stop() {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

/** What the memory probe answers. */
export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  collected: boolean;
  openFiles: number | null;
}

/** A server under test, with its address and memory. */
export class ServerProcess extends Child {
  readonly name: string;
  url!: string;

  constructor(name: string, script: string, env: Record<string, string>) {
    super(script, env, ['--expose-gc', '--import', path('bench/support/probe.ts')]);
    this.name = name;
  }

  /** Waits until the server prints the address it listens on. */
  async ready() {
    const found = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = /running at (http:\/\/\S+?)\/?$/m.exec(this.output());
        if (match) resolve(match[1]!);
      };
      this.process.stdout!.on('data', look);
      void this.exited.then((code) =>
        reject(new Error(`${this.name} exited with ${code}:\n${this.output()}`)),
      );
      look();
    });
    this.url = found;
    return this;
  }

  /** The CPU time, user and system, the server has used, in µs. */
  async cpu() {
    return (await this.request<{ microseconds: number }>({ probe: 'cpu' })).microseconds;
  }

  /**
   * Runs `work`, which makes the server handle `count` messages, and
   * answers its result with the server's CPU time per message in µs.
   */
  async cpuPer<R>(work: () => Promise<R>, count: (result: R) => number) {
    const before = await this.cpu();
    const result = await work();
    const used = (await this.cpu()) - before;
    return { ...result, cpuPerMessage: used / count(result) };
  }

  /** The server's memory after a full garbage collection. */
  memory() {
    return this.request<Memory>({ probe: 'memory' });
  }
}

/** The playground (`node playground-server/main.ts`) with `env`. */
export function startPlayground(env: Record<string, string> = {}) {
  return new ServerProcess('playground', 'playground-server/main.ts', {
    HOST: '127.0.0.1',
    PORT: '0',
    TCP_ECHO_PORT: '0',
    UDP_ECHO_PORT: '0',
    RPC_TCP_PORT: '0',
    RPC_GO_PORT: '0',
    GRPC_PORT: '0',
    ...PLAYGROUND_BENCH_ENV,
    ...env,
  }).ready();
}

/** The plain node:http and ws baseline (baseline-server.ts). */
export function startBaseline() {
  return new ServerProcess('baseline', 'bench/support/baseline-server.ts', {}).ready();
}

/** The json-rpc-2.0 library on node:http (json-rpc-library-server.ts). */
export function startJsonRpcLibrary() {
  return new ServerProcess('json-rpc-2.0', 'bench/support/json-rpc-library-server.ts', {}).ready();
}

/** A bare @grpc/grpc-js server (grpc-js-server.ts). */
export function startGrpcJs() {
  return new ServerProcess('grpc-js', 'bench/support/grpc-js-server.ts', {}).ready();
}

/** A load generator (load-generator.ts), in a process of its own. */
export function startLoadGenerator() {
  return new Child('bench/support/load-generator.ts', {});
}

/**
 * Waits for servers being started; if one fails to start, stops the
 * others before failing, so no server outlives the benchmark.
 */
export async function startAll<T extends ServerProcess[]>(
  ...starting: { [K in keyof T]: Promise<T[K]> }
): Promise<T> {
  const started = await Promise.allSettled(starting);
  const failed = started.find((result) => result.status === 'rejected');
  if (!failed)
    return started.map((result) => (result as PromiseFulfilledResult<ServerProcess>).value) as T;
  await stopAll(
    ...started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
  );
  throw failed.reason;
}

/** Stops every process given, whatever happened. */
export async function stopAll(...children: (Child | undefined)[]) {
  await Promise.all(children.map((child) => child?.stop()));
}
