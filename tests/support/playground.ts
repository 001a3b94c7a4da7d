// Starts the playground in-process on an ephemeral port, and runs
// demos against it the way a page does, collecting their lines. The
// one door from examples/ tests to the server: examples never import
// playground-server/ (biome.jsonc enforces it), their tests come here.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Demo, formatLine, type Line, runDemo } from '../../examples/demo-io.ts';
import { type Config, DEFAULTS } from '../../playground-server/config.ts';
import { startServer } from '../../playground-server/server.ts';
import { watchPlayground } from './openapi-conformance.ts';

export type { RunningServer } from '../../playground-server/server.ts';

/**
/**
 * A playground on 127.0.0.1 and a free port; no site and no TLS port
 * unless given (making a certificate costs time): see withTls().
 * Its notes API's answers are checked against the OpenAPI description.
 */
export async function startTestServer(overrides: Partial<Config> = {}) {
  const server = await startServer({
    ...DEFAULTS,
    host: '127.0.0.1',
    port: 0,
    siteDir: null,
    shutdownGraceMs: 500,
    tcpEchoPort: 0,
    udpEchoPort: 0,
    rpcTcpPort: 0,
    rpcGoPort: 0,
    tlsPort: null,
    grpcPort: 0,
    ...overrides,
  });
  watchPlayground(server.url);
  return server;
}

/** Overrides for a TLS port too: a free one, its certificate made in a temp dir. */
export function withTls(): Partial<Config> {
  return { tlsPort: 0, tlsDir: mkdtempSync(join(tmpdir(), 'wirebook-tls-')) };
}

/** What a demo printed, as "direction data" strings, and its result. */
export async function runInNode(
  demo: Demo,
  base: string,
  options: {
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Sees each line as it is printed. */
    onLine?: (line: Line) => void;
    /** The demo's WebSocket constructor; Node's own by default. */
    WebSocket?: typeof WebSocket;
  } = {},
) {
  const { timeoutMs = 5_000, signal, onLine } = options;
  const lines: Line[] = [];
  const ok = await runDemo(demo, {
    base,
    WebSocket: options.WebSocket ?? WebSocket,
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]),
    emit: (line) => {
      lines.push(line);
      onLine?.(line);
    },
  });
  return {
    ok,
    lines,
    /** Each line as "direction text", or "view name json". */
    text: lines.map(formatLine),
  };
}
