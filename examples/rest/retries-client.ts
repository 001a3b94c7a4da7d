// A POST whose answer is lost, and the retry. The playground stores
// the note and then never answers (its ?lose-response=1 switch), as
// a network that dropped the answer would: the client gives up after
// a second, not knowing whether the note exists, and sends again.
// Without an Idempotency-Key the retry is a second note; with one, it
// gets the first answer again.

import type { DemoIO } from '../demo-io.ts';
import { newToken, notesClient } from './client.ts';

/** A notes client, as notesClient makes it. */
type Request = ReturnType<typeof notesClient>;

// #region post
/** POSTs a note until an answer comes, at most three times. */
async function postUntilAnswered(
  io: DemoIO,
  request: Request,
  headers: Record<string, string>,
) {
  const note = { title: 'Pay the rent', body: '800 to the landlord.' };
  // The first attempt's answer is lost on the way, on purpose.
  let path = '/api/notes?lose-response=1';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const show = ['location'];
      return await request('POST', path, {
        json: note,
        headers,
        show,
        timeoutMs: 1_000,
      });
    } catch (error) {
      if (io.signal.aborted) throw error;
      io.log(`attempt ${attempt}: no answer in 1 s; was the note stored?`);
      path = '/api/notes';
    }
  }
  throw new Error('no answer after three attempts');
}
// #endregion post

// #region run
/** The same lost answer and retry, without a key and with one. */
export async function run(io: DemoIO): Promise<void> {
  io.log('Without an Idempotency-Key:');
  const plain = notesClient(io, newToken());
  await postUntilAnswered(io, plain, {});
  await plain('GET', '/api/notes');

  io.log('With one (a new random UUID in real code, for each new note):');
  const keyed = notesClient(io, newToken());
  const key = { 'idempotency-key': '"7f3e2a90-5b1c-4d8e-9f60-2c4b8a1d3e57"' };
  await postUntilAnswered(io, keyed, key);
  await keyed('GET', '/api/notes');
  // A key names one request: another body with it is a mistake.
  await keyed('POST', '/api/notes', {
    json: { title: 'Pay the rent twice', body: '' },
    headers: key,
  });
}
// #endregion run
