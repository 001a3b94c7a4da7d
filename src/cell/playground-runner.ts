// Runs a cell's demo in the playground instead of the browser, for
// code a browser cannot run (raw TCP and UDP sockets). The page sends
// only the demo's id over WS /ws/run; the playground runs its own
// copy of that demo and streams the lines back (run-protocol.ts).
//
// It is wrapped as an ordinary Demo, so the cell runs it like any
// other: same status, same Stop (which closes the run socket, and so
// stops the run on the server), same lines and error reporting.

import { type Demo, formatData, type Line } from '../../examples/demo-io.ts';
import { DEMO_PARAM, decodeRunMessage, RUN_PATH } from '../../shared/run-protocol.ts';
import { format } from '../i18n/format.ts';
import type { CellStrings } from './cell-strings.ts';

/**
 * A demo that has the playground run demo `id` and replays its lines.
 * Given the runner's `emit`, each line keeps the time the server gave
 * it, so a 100 ms deadline reads as 100 ms however late the line
 * reached the page; without it, lines are timed as they arrive.
 * `strings` are the words its own errors are told in.
 */
export function playgroundDemo(
  id: string,
  strings: CellStrings,
  emit?: (line: Line) => void,
): Demo {
  return (io) =>
    new Promise<void>((resolve, reject) => {
      const path = `${RUN_PATH}?${DEMO_PARAM}=${encodeURIComponent(id)}`;
      const ws = new io.WebSocket(io.url(path, 'ws'));
      let ended = false;
      let failure: string | undefined;
      const stop = () => ws.close(1000, 'stopped');
      io.signal.addEventListener('abort', stop, { once: true });

      ws.onmessage = (event: MessageEvent<unknown>) => {
        try {
          const message = decodeRunMessage(String(event.data));
          if (message.type === 'end') {
            ended = message.ok;
            return;
          }
          const { line } = message;
          if (emit && line.direction !== 'error') emit(line);
          else if (line.direction === 'view') io.show(line.view, line.value);
          else if (line.direction === 'sent') io.sent(line.data);
          else if (line.direction === 'received') io.received(line.data);
          else if (line.direction === 'info') io.log(formatData(line.data));
          // The server's error line says why the run failed; it ends
          // this run the same way, as a thrown error.
          else failure = formatData(line.data);
        } catch (error) {
          const { message } = error as Error;
          failure = format(strings.playgroundUnreadable, { message });
          ws.close(1000, 'unreadable');
        }
      };
      ws.onclose = (event) => {
        io.signal.removeEventListener('abort', stop);
        if (ended) return resolve();
        const code = `close code ${event.code}${event.reason ? ` (${event.reason})` : ''}`;
        reject(new Error(failure ?? format(strings.playgroundEnded, { code })));
      };
    });
}
