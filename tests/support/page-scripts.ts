// The JavaScript a page of the built site loads before anyone touches
// it, as served: what the every-page test holds to a budget and
// bench/site.ts reports.

import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** A page's JavaScript, in bytes as served and gzipped. */
export interface ScriptsOfPage {
  hasCells: boolean;
  /** Bytes of JavaScript the page's HTML loads, uncompressed. */
  bytes: number;
  gzipBytes: number;
  /** The files that JavaScript is in. */
  files: string[];
}

/**
 * The JavaScript a page's HTML makes a browser load before anyone
 * touches it: its inline scripts, the scripts and module preloads it
 * names, and every module those import statically. (Starlight also
 * fetches its search UI when the browser is next idle, on every page
 * alike and sometimes only later; that is left out of the sum, so the
 * sum does not depend on timing.)
 */
export async function scriptsOf(url: string): Promise<ScriptsOfPage> {
  await init;
  const html = await (await fetch(url)).text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/type="(?!module|text\/javascript)/.test(attributes!))
    .map(([, , code]) => Buffer.from(code!));
  const named = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => src!),
    ...[...html.matchAll(/<link[^>]*>/g)]
      .filter(([tag]) => /rel="modulepreload"/.test(tag))
      .map(([tag]) => /href="([^"]+)"/.exec(tag)?.[1] ?? ''),
  ];
  const queue = named.map((src) => new URL(src, url).href);
  const files = new Map<string, Buffer>();
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    const code = Buffer.from(await (await fetch(file)).arrayBuffer());
    files.set(file, code);
    for (const found of parse(code.toString())[0]) {
      if (found.d === -1 && found.n) queue.push(new URL(found.n, file).href);
    }
  }
  const code = [...inline, ...files.values()];
  return {
    hasCells: html.includes('<wb-cell'),
    bytes: code.reduce((sum, buffer) => sum + buffer.length, 0),
    gzipBytes: code.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0),
    files: [...files.keys()].map((file) => new URL(file).pathname),
  };
}
