// One node:http server for everything: the playground's endpoints
// first, then the built site. Tests start it on port 0; main.ts on PORT.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPlayground, type Playground } from './app.ts';
import type { Config } from './config.ts';
import { refuseUpgrade } from './http-reply.ts';
import { createStaticSite, siteMissing } from './static-site.ts';

/** A running playground server. */
export interface RunningServer {
  /** Its origin, e.g. http://127.0.0.1:8080 */
  url: string;
  server: Server;
  playground: Playground;
  /** Closes WebSockets with 1001, then the server. */
  close(): Promise<void>;
}

/** Starts the playground and the site on config.host:config.port. */
export async function startServer(config: Config): Promise<RunningServer> {
  const playground = createPlayground(config);
  await playground.start();
  const site = config.siteDir === null
    ? siteMissing('a site directory')
    : existsSync(config.siteDir)
      ? createStaticSite(config.siteDir)
      : siteMissing(config.siteDir);

  const server = createServer({
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
  }, (req, res) => playground.handleRequest(req, res, () => site(req, res)));

  server.on('upgrade', (req, socket, head) => {
    if (!playground.handleUpgrade(req, socket, head)) {
      socket.on('error', () => socket.destroy());
      refuseUpgrade(socket, 404, 'WebSocket endpoints live under /ws/');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const shutDown = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    await playground.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs).unref();
    await closed;
  };

  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    playground,
    // Closing twice (a signal during shutdown, a test's cleanup) waits
    // for the one shutdown already under way.
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}
