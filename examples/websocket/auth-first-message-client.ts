// The first-message way, from the page: open the WebSocket with no
// credential, and say who you are before anything else. A second
// socket skips that step and is closed for it.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import { closed, nextMessage, opened } from './socket-events.ts';

// #region run
/** Authenticates in the first message; then forgets to. */
export async function run(io: DemoIO): Promise<void> {
  const token = crypto.randomUUID();
  io.log(`my bearer token ends in …${token.slice(-4)}`);
  const url = io.url('/ws/auth/first-message', 'ws');

  const ws = await opened(new io.WebSocket(url), io.signal);
  const auth = JSON.stringify({ type: 'auth', token });
  ws.send(auth);
  io.sent(auth);
  io.received(await nextMessage(ws));
  ws.send('hello');
  io.sent('hello');
  io.received(await nextMessage(ws));
  ws.close(CloseCode.NORMAL);

  // Anything but {"type":"auth",…} first is a policy violation.
  const rude = await opened(new io.WebSocket(url), io.signal);
  rude.send('hello');
  io.sent('hello');
  const { code, reason } = await closed(rude);
  io.log(`closed with ${code}: ${reason}`);
}
// #endregion run
