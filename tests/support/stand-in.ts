// A stand-in for the playground that answers GET requests with fixed
// JSON, for testing how a demo copes with answers a real playground
// would rarely give (a closed echo port, a lossy one, no /proc).

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `bodies[path]` as JSON (404 for other paths) on a free port. */
export async function standIn(bodies: Record<string, unknown>) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const found = Object.hasOwn(bodies, path);
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(found ? bodies[path] : { error: 'not here' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
