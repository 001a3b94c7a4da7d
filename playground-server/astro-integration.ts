// `npm run dev`: mounts the playground's endpoints on Astro's dev
// server, so pages with live reload and their demos share one origin.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { createPlayground, type Playground } from './app.ts';
import { loadConfig } from './config.ts';

/**
 * The playground as a Connect middleware for Vite's dev server: the
 * same request guards as `npm start` (a malformed target gets 400,
 * not an exception), then the endpoints, then Vite for the rest.
 */
export function devMiddleware(playground: Playground) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) =>
    playground.handleRequest(req, res, next);
}

/**
 * The playground's listener for the dev server's 'upgrade' event:
 * the same guards, then /ws/ paths. Vite's own live-reload socket
 * shares this server; the playground leaves it alone.
 */
export function devUpgrade(playground: Playground) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    playground.handleUpgrade(req, socket, head);
  };
}

/** An Astro integration that serves the playground during `astro dev`. */
export function playgroundInDev(): AstroIntegration {
  let command: string | undefined;
  let playground: Playground | undefined;
  return {
    name: 'wirebook-playground',
    hooks: {
      'astro:config:setup': ({ command: running, updateConfig }) => {
        command = running;
        updateConfig({ vite: { plugins: [firstInLine()] } });
      },
      // Astro also sets up a Vite server while it builds; only `astro
      // dev` should open the playground's endpoints and ports.
      'astro:server:setup': async ({ server, logger }) => {
        if (command !== 'dev') return;
        const started = createPlayground(loadConfig());
        await started.start();
        playground = started;
        server.httpServer?.on('upgrade', devUpgrade(started));
        server.httpServer?.once('close', () => void started.close());
        logger.info('playground endpoints mounted (/healthz, /ws/…)');
      },
    },
  };

  /**
   * Puts the playground's middleware first, as server.ts puts it
   * before the site: Astro's own dev middlewares (trailing slashes,
   * among others) decode the path and throw on "//%zz" before a
   * middleware added with use() would see it. Astro puts its own at
   * the front of the stack once Vite's are in place, in a hook that
   * runs after its setup hooks; a 'post' plugin's runs after that.
   */
  function firstInLine(): Plugin {
    return {
      name: 'wirebook-playground-first',
      enforce: 'post',
      configureServer: (server) => () => {
        if (playground) {
          server.middlewares.stack.unshift({ route: '', handle: devMiddleware(playground) });
        }
      },
    };
  }
}
