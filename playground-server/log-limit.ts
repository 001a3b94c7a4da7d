// A log that a visitor cannot flood. Some lines are written on a
// visitor's request (RPC's `explode` fails on purpose, at will); a
// token bucket lets a burst through and then a steady trickle, and
// counts what it leaves out, so the next line written says how many
// were dropped. No timer: nothing is pending between lines.

import { TokenBucket } from '../examples/websocket/token-bucket.ts';

/** Writes lines, at most `perMinute` a minute after a burst as large. */
export function limitedLog(
  perMinute: number,
  write: (line: string) => void = (line) => console.error(line),
  now: () => number = () => performance.now(),
) {
  const bucket = new TokenBucket({ capacity: perMinute, perSecond: perMinute / 60 }, now());
  let dropped = 0;
  return (line: string) => {
    if (!bucket.take(now())) {
      dropped++;
      return;
    }
    const note = dropped === 0 ? '' : ` (${dropped} more like it left out of the log)`;
    dropped = 0;
    write(`${line}${note}`);
  };
}
