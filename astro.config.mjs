// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { playgroundInDev } from './playground-server/astro-integration.ts';
import { precompress } from './src/integrations/precompress.ts';

export default defineConfig({
  // Absolute URLs (sitemap, canonical links); set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://127.0.0.1:8080',
  integrations: [
    starlight({
      title: 'Wirebook',
      description:
        'Network programming in TypeScript, from sockets to RPC: every snippet is tested code, every Run button runs it live.',
      customCss: ['./src/styles/wirebook.css'],
      // Adds the Run all bar to pages that have cells.
      components: { MarkdownContent: './src/components/MarkdownContent.astro' },
      // Pages come from docs/ (see src/content.config.ts), so the sidebar
      // names them by id instead of autogenerating from src/content/docs.
      sidebar: [
        {
          label: 'Start here',
          items: [{ label: 'How to read Wirebook', link: '/' }, 'notebook'],
        },
        { label: 'WebSocket', items: ['websocket/echo-server'] },
      ],
    }),
    playgroundInDev(),
    precompress(),
  ],
});
