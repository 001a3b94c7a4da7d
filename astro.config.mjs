// @ts-check

import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { playgroundInDev } from './playground-server/astro-integration.ts';
import { englishHeadingIds } from './src/integrations/english-heading-ids.ts';
import { precompress } from './src/integrations/precompress.ts';

export default defineConfig({
  // Absolute URLs (sitemap, canonical links); set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://127.0.0.1:8080',
  markdown: { processor: satteri({ hastPlugins: [englishHeadingIds] }) },
  integrations: [
    starlight({
      title: 'Wirebook',
      description:
        'Network programming in TypeScript, from sockets to RPC: every snippet is tested code, every Run button runs it live.',
      // English is the root locale (the same URLs as before the Chinese
      // edition); the Chinese pages are docs/zh-cn/*.mdx, under /zh-cn/.
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      customCss: ['./src/styles/wirebook.css'],
      // Adds the Run all bar to pages that have cells.
      components: { MarkdownContent: './src/components/MarkdownContent.astro' },
      // Pages come from docs/ (see src/content.config.ts), so the sidebar
      // names them by id instead of autogenerating from src/content/docs.
      sidebar: [
        {
          label: 'Start here',
          translations: { 'zh-CN': '从这里开始' },
          items: [
            {
              label: 'How to read Wirebook',
              translations: { 'zh-CN': '如何阅读 Wirebook' },
              link: '/',
            },
            'notebook',
            'course-notes',
            'glossary',
          ],
        },
        {
          label: 'Sockets',
          translations: { 'zh-CN': '套接字' },
          items: [
            'sockets/sockets-and-descriptors',
            'sockets/ip-addresses',
            'sockets/tcp',
            'sockets/framing',
            'sockets/udp',
          ],
        },
        {
          label: 'WebSocket',
          items: [
            'websocket/why',
            'websocket/echo-server',
            'websocket/messages',
            'websocket/handshake',
            'websocket/frames',
            'websocket/control-frames',
            'websocket/raw-server',
            'websocket/streams',
            'websocket/concurrency',
            'websocket/push',
            'websocket/reconnecting',
            'websocket/authentication',
            'websocket/tls',
            'websocket/compression',
          ],
        },
        {
          label: 'REST',
          items: [
            'rest/http-exchange',
            'rest/resources',
            'rest/representations',
            'rest/verbs',
            'rest/conditional-requests',
            'rest/statelessness',
            'rest/layers',
            'rest/errors',
            'rest/pagination',
            'rest/rate-limits',
            'rest/retries',
            'rest/cors',
            'rest/openapi',
            'rest/explorer',
          ],
        },
        {
          label: 'RPC',
          items: [
            'rpc/wire',
            'rpc/json-rpc',
            'rpc/registry',
            'rpc/codecs',
            'rpc/transports',
            'rpc/client',
            'rpc/calling-go',
            'rpc/go-over-http',
            'rpc/protobuf',
            'rpc/grpc',
            'rpc/grpc-go',
            'rpc/console',
          ],
        },
      ],
    }),
    playgroundInDev(),
    precompress(),
  ],
});
