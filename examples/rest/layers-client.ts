// Layers: the same notes through the caching layer at /api/cached/.
// The client cannot tell a layer is there except by what the layer
// chooses to say: here, X-Cache on each answer, and its counters. A
// note may be reused for 60 s (s-maxage=60); the list is checked with
// the origin every time (no-cache), which a 304 makes cheap.

import type { DemoIO } from '../demo-io.ts';
import { type Ask, newToken, notesClient } from './client.ts';

// #region run
/** Reads and writes through the layer; shows who answered each. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  const rows: Record<string, string | number>[] = [];
  const step = async (method: string, path: string, ask: Ask = {}) => {
    const show = ['x-cache'];
    const reply = await request(method, path, { ...ask, show });
    rows.push({
      request: `${method} ${path}`,
      status: reply.status,
      'X-Cache': reply.headers.get('x-cache') ?? '(no layer)',
    });
  };
  const note = '/api/cached/notes/menu';
  const soup = { title: 'Menu', body: 'Soup.' };
  const salad = { title: 'Menu', body: 'Salad.' };

  await step('PUT', note, { json: soup });
  await step('GET', note); // the layer's first sight of it
  await step('GET', note); // fresh for 60 s: the origin is not asked
  await step('GET', note, { accept: 'text/plain' }); // Vary: Accept

  // A change made at the origin, past the layer, is not seen by it:
  // the layer goes on serving Soup until its copy is 60 s old.
  await step('PUT', '/api/notes/menu', { json: salad });
  await step('GET', note);
  // The same change made through the layer invalidates its copy.
  await step('PUT', note, { json: salad });
  await step('GET', note);

  await step('GET', '/api/cached/notes'); // the list: stored…
  await step('GET', '/api/cached/notes'); // …and revalidated: a 304

  io.show('table', rows);
  const stats = await request('GET', '/api/cached/stats');
  const { hit, reachedOrigin } = JSON.parse(stats.text) as {
    hit: number;
    reachedOrigin: number;
  };
  io.log(
    `of ${hit + reachedOrigin} requests through the layer, ` +
      `it answered ${hit} itself and sent ${reachedOrigin} on`,
  );
}
// #endregion run
