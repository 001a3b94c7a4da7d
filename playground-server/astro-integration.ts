// `npm run dev`: mounts the playground's endpoints on Astro's dev
// server, so pages with live reload and their demos share one origin.

import type { AstroIntegration } from 'astro';
import { createPlayground } from './app.ts';
import { loadConfig } from './config.ts';

/** An Astro integration that serves the playground during `astro dev`. */
export function playgroundInDev(): AstroIntegration {
  let command: string | undefined;
  return {
    name: 'wirebook-playground',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      // Astro also sets up a Vite server while it builds; only `astro
      // dev` should open the playground's endpoints and ports.
      'astro:server:setup': async ({ server, logger }) => {
        if (command !== 'dev') return;
        const playground = createPlayground(loadConfig());
        await playground.start();
        server.middlewares.use((req, res, next) => playground.handleRequest(req, res, next));
        // Vite's own live-reload socket shares this server; the
        // playground takes only /ws/ paths and leaves it alone.
        server.httpServer?.on('upgrade', (req, socket, head) => {
          playground.handleUpgrade(req, socket, head);
        });
        server.httpServer?.once('close', () => void playground.close());
        logger.info('playground endpoints mounted (/healthz, /ws/…)');
      },
    },
  };
}
