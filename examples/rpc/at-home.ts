// Running the RPC-over-TCP page on your own machine: the commands the
// page shows (docs/rpc/wire.mdx), made in one place so that
// at-home.test.ts runs exactly these lines, on a port of its own.

import { REQUEST } from './first-call.ts';

/** The default of RPC_TCP_PORT, which the page shows. */
export const RPC_TCP_PORT = 8301;

/** Shell commands, each run from the top folder of a Wirebook clone. */
export function atHome(port = RPC_TCP_PORT) {
  return {
    /** The playground: JSON-RPC over TCP on `port` (no site needed). */
    playground: `RPC_TCP_PORT=${port} node playground-server/main.ts`,
    /** One call typed as a line; -N closes the sending side at the end. */
    nc: `printf '%s\\n' '${REQUEST}' | nc -N 127.0.0.1 ${port}`,
    /** The page's own code, from a terminal. */
    node: `node examples/rpc/first-call.ts 127.0.0.1 ${port}`,
  };
}

/** The commands as the page prints them, each under what it does. */
export function script(port = RPC_TCP_PORT) {
  const { playground, nc, node } = atHome(port);
  return [
    '# Terminal 1, in the Wirebook folder after npm install:',
    '# the playground, with JSON-RPC over TCP on port 8301',
    playground,
    '# Terminal 2: the request typed as one line, sent with nc',
    nc,
    "# Terminal 2: the same call made by this page's code",
    node,
  ].join('\n');
}
