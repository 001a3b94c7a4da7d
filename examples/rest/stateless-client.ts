// Statelessness: the server keeps no session, so each request carries
// everything needed to answer it. Here that is a bearer token in the
// Authorization header, which says whose notes the request is about.
// Two readers with two tokens use the same URIs and never meet; a
// request with no token cannot be answered at all.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

// #region run
/** Two readers, one URI, two notes; and a request with no token. */
export async function run(io: DemoIO): Promise<void> {
  const ada = notesClient(io, newToken(), "Ada's token");
  const grace = notesClient(io, newToken(), "Grace's token");
  const nobody = notesClient(io, null);
  const url = '/api/notes/diary';

  await ada('PUT', url, {
    json: { title: 'Diary', body: 'Ada was here.' },
  });
  // The same URI, another token: another reader's scope.
  await grace('GET', url);
  await grace('PUT', url, {
    json: { title: 'Diary', body: 'Grace was here.' },
  });
  await ada('GET', url, { accept: 'text/plain' });
  await grace('GET', url, { accept: 'text/plain' });
  // No token: 401, and WWW-Authenticate names the scheme to use.
  await nobody('GET', url, { show: ['www-authenticate'] });
}
// #endregion run
