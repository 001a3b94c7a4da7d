// Runs a demo in Node against a playground, printing its lines as the
// tests do: the code a cell runs, run on your own machine.
//
//	node examples/sockets/run-demo.ts sockets/tcp-client
//	node examples/sockets/run-demo.ts sockets/udp-client http://127.0.0.1:8080
//
// The first argument is the demo's id, as the page's cell names it
// (examples/<id>.ts); the second, where the playground is.

import { type Demo, formatLine, runDemo } from '../demo-io.ts';

const [id = '', base = 'http://127.0.0.1:8080'] = process.argv.slice(2);
if (!/^[a-z]+\/[a-z0-9-]+$/.test(id)) {
  console.error(
    'usage: node examples/sockets/run-demo.ts <part/demo> [playground URL]',
  );
  process.exit(2);
}
const { run } = (await import(`../${id}.ts`)) as { run: Demo };

// Ctrl+C is the cell's Stop; 30 seconds, its time limit.
const stop = new AbortController();
process.once('SIGINT', () =>
  stop.abort(new DOMException('by Ctrl+C', 'AbortError')),
);
const ok = await runDemo(run, {
  base,
  WebSocket,
  signal: AbortSignal.any([stop.signal, AbortSignal.timeout(30_000)]),
  emit: (line) => console.log(formatLine(line)),
});
process.exitCode = ok ? 0 : 1;
