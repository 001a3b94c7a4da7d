// Two readers in one page, Ada and Bob, each with a WebSocket to
// /ws/push. Each sees the other arrive, hears the other's chat, and
// gets the server's ticks, none of which it asked for.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';

/** A message from /ws/push (see push-server.ts). */
interface Pushed {
  type: 'welcome' | 'tick' | 'presence' | 'chat' | 'error';
  name?: string;
  readers?: number;
  from?: string;
  text?: string;
  code?: string;
}

// #region run
/** Ada and Bob join, chat, and Bob leaves. */
export async function run(io: DemoIO): Promise<void> {
  // Who is who: the server's names for readers, and ours.
  const names = new Map<string, string>();
  const ada = await join(io, 'Ada', names);
  await ada.next((m) => m.type === 'presence', 'sees');
  const bob = await join(io, 'Bob', names);
  await bob.next((m) => m.type === 'presence', 'sees');
  // Bob's arrival changes the count, so Ada is told the new one.
  await ada.next((m) => m.type === 'presence', 'sees');

  ada.say('Hello, Bob!');
  await bob.next((m) => m.from === ada.name, 'hears');
  bob.say('Hi, Ada!');
  await ada.next((m) => m.from === bob.name, 'hears');

  await ada.next((m) => m.type === 'tick', 'gets');
  await bob.next((m) => m.type === 'tick', 'gets');
  bob.leave();
  await ada.next((m) => m.type === 'presence', 'sees');
  ada.leave();
}
// #endregion run

// #region reader
/** Opens a reader's WebSocket and waits for its welcome. */
async function join(io: DemoIO, label: string, names: Map<string, string>) {
  const ws = new io.WebSocket(io.url('/ws/push', 'ws'));
  const inbox: Pushed[] = [];
  let wake = () => {};
  let ended: Error | undefined;
  ws.onmessage = (event: MessageEvent<string>) => {
    inbox.push(JSON.parse(event.data) as Pushed);
    wake();
  };
  ws.onclose = (event) => {
    ended = new Error(`${label} was closed with ${event.code}`);
    wake();
  };
  io.signal.addEventListener('abort', () => ws.close(CloseCode.NORMAL));

  const reader = {
    name: '',
    /** Waits for the first message that `wanted`; logs it. */
    async next(wanted: (m: Pushed) => boolean, verb = 'gets') {
      for (;;) {
        // Messages before the wanted one (ticks, mostly) are skipped.
        const at = inbox.findIndex(wanted);
        if (at >= 0) {
          const message = inbox.splice(0, at + 1).at(-1)!;
          io.log(`${label} ${verb} ${describe(message, names)}`);
          return message;
        }
        if (ended) throw ended;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    say(text: string) {
      const message = JSON.stringify({ type: 'chat', text });
      ws.send(message);
      io.sent(`${label}: ${message}`);
    },
    leave: () => ws.close(CloseCode.NORMAL, 'bye'),
  };
  const welcome = await reader.next((m) => m.type === 'welcome');
  reader.name = welcome.name ?? '';
  names.set(reader.name, label);
  return reader;
}
// #endregion reader

/** A message in words, with readers' names as the demo calls them. */
function describe(m: Pushed, names: Map<string, string>) {
  switch (m.type) {
    case 'welcome':
      return 'a welcome: connected';
    case 'tick':
      return 'a tick from the server';
    case 'presence':
      return `${m.readers} reader${m.readers === 1 ? '' : 's'} here`;
    case 'chat':
      return `${names.get(m.from ?? '') ?? m.from}: ${m.text}`;
    case 'error':
      return `an error: ${m.code}`;
  }
}
