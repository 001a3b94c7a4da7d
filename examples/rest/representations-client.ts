// Representations: one note, four media types. The client says what it
// can use in Accept; the server answers with the best match and says
// what it sent in Content-Type. Weights (q) rank the choices, and a
// request the server cannot satisfy gets 406 with what it offers.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

// #region run
/** Reads one note in every representation, then asks for others. */
export async function run(io: DemoIO): Promise<void> {
  const request = notesClient(io, newToken());
  await request('PUT', '/api/notes/milk', {
    json: { title: 'Milk & eggs', body: 'Two litres; <six> eggs.' },
  });
  const types = [
    'application/json',
    'text/html',
    'application/xml',
    'text/plain',
  ];
  for (const accept of types) {
    await request('GET', '/api/notes/milk', {
      accept,
      show: ['content-type'],
    });
  }
  // Weights: HTML at 0.5, XML at the default of 1. XML wins.
  await request('GET', '/api/notes/milk', {
    accept: 'text/html;q=0.5, application/xml',
    show: ['content-type'],
  });
  // Nothing acceptable: 406, and the body lists what is offered.
  await request('GET', '/api/notes/milk', { accept: 'image/png' });
  // The other direction: a body the server cannot read is a 415.
  await request('PUT', '/api/notes/milk', {
    body: 'Milk & eggs',
    type: 'text/plain',
    show: ['accept'],
  });
}
// #endregion run
