// Serves the built site with sirv: content types, ETags, precompressed
// files, and no path can reach outside the site's folder (sirv indexes
// the folder at start-up and serves only what it found there).

import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { allowMethods, sendText } from '../examples/http-reply.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request handler for the site built into `dir`. */
export function createStaticSite(dir: string): Handler {
  const notFound = readIfBuilt(join(dir, '404.html'));
  // The Chinese edition's own "page not found", for a missing /zh-cn/ page.
  const notFoundInChinese = readIfBuilt(join(dir, 'zh-cn', '404', 'index.html')) ?? notFound;
  const serve = sirv(dir, {
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      // Astro names bundled assets by content hash: they never change.
      res.setHeader(
        'cache-control',
        pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
    onNoMatch(req, res) {
      const page = req.url?.startsWith('/zh-cn/') ? notFoundInChinese : notFound;
      res.writeHead(404, {
        'content-type': page ? 'text/html; charset=utf-8' : 'text/plain',
        'cache-control': 'no-cache',
      });
      res.end(page ?? 'Not found\n');
    },
  });
  return (req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    if (allowMethods(req, res, ['GET', 'HEAD'])) serve(req, res);
  };
}

function readIfBuilt(file: string): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
}

/** Answers every page request when there is no built site to serve. */
export function siteMissing(dir: string): Handler {
  return (_req, res) =>
    sendText(
      res,
      503,
      `The site is not built (no ${dir}). Run \`npm run build\`, ` +
        'or `npm start`, which builds it when it is missing.',
    );
}
