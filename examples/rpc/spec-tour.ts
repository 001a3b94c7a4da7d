// The specification's examples, sent to POST /rpc exactly as the
// specification prints them, with what the playground answers.

import type { DemoIO } from '../demo-io.ts';
import { EXAMPLES } from './spec-examples.ts';

// #region run
/** Sends each example as written and shows the raw reply. */
export async function run(io: DemoIO): Promise<void> {
  for (const example of EXAMPLES) {
    io.log(`— ${example.title}`);
    io.sent(example.request);
    // fetch, not a client: some of these are broken on purpose,
    // and a client would refuse to send them.
    const response = await fetch(io.url('/rpc'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: example.request,
      signal: io.signal,
    });
    if (response.status === 204) {
      io.log('204 No Content: nothing is returned');
    } else {
      io.received(await response.text());
    }
  }
}
// #endregion run
