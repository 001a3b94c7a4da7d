// Starts the playground in-process on an ephemeral port, and runs
// demos against it the way a page does, collecting their lines. The
// one door from examples/ tests to the server: examples never import
// playground-server/ (biome.jsonc enforces it), their tests come here.

import { type Demo, formatLine, type Line, runDemo } from '../../examples/demo-io.ts';
import { type Config, DEFAULTS } from '../../playground-server/config.ts';
import { startServer } from '../../playground-server/server.ts';
import { watchPlayground } from './openapi-conformance.ts';

export type { RunningServer } from '../../playground-server/server.ts';

/**
 * A playground on 127.0.0.1 and a free port; no site unless given.
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
    ...overrides,
  });
  watchPlayground(server.url);
  return server;
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
  } = {},
) {
  const { timeoutMs = 5_000, signal, onLine } = options;
  const lines: Line[] = [];
  const ok = await runDemo(demo, {
    base,
    WebSocket,
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
