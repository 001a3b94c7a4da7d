// Backpressure in a page: send() never blocks, so a page that sends
// faster than the network takes must watch `bufferedAmount`, the bytes
// it has handed to send() that the browser has not yet passed on.
//
// This demo sends 6 MiB to /ws/slow-reader, which reads nothing for
// two seconds and then reads slowly. It sends only while
// bufferedAmount is under a high-water mark and otherwise waits, the
// loop every sender of bulk data needs. Sampling every 25 ms shows where the bytes are:
// sent, waiting in the browser, or read by the server. The rest are
// in the kernels' socket buffers between the two.

import type { DemoIO } from '../demo-io.ts';

const KiB = 1024;
const MESSAGE_BYTES = 64 * KiB;
const TOTAL_BYTES = 6 * KiB * KiB;
const HIGH_WATER = 512 * KiB;

/** Where the bytes were at one moment. */
interface Sample {
  ms: number;
  sent: number;
  buffered: number;
  read: number;
}

// #region run
/** Sends 6 MiB with flow control and charts bufferedAmount. */
export async function run(io: DemoIO): Promise<void> {
  const ws = await connect(io, '/ws/slow-reader');
  let read = 0;
  ws.onmessage = (event: MessageEvent<string>) => {
    read = (JSON.parse(event.data) as { bytes: number }).bytes;
  };
  let sent = 0;
  const samples: Sample[] = [];
  const start = performance.now();
  const sample = () =>
    samples.push({
      ms: Math.round(performance.now() - start),
      sent,
      buffered: ws.bufferedAmount,
      read,
    });
  const sampler = setInterval(sample, 25);
  io.log(
    `sending ${TOTAL_BYTES / KiB / KiB} MiB in ` +
      `${MESSAGE_BYTES / KiB} KiB messages, waiting whenever ` +
      `bufferedAmount reaches ${HIGH_WATER / KiB} KiB`,
  );

  try {
    const chunk = new Uint8Array(MESSAGE_BYTES);
    while (sent < TOTAL_BYTES) {
      io.signal.throwIfAborted();
      if (ws.bufferedAmount < HIGH_WATER) {
        ws.send(chunk);
        sent += chunk.length;
        sample();
      }
      await sleep(ws.bufferedAmount < HIGH_WATER ? 1 : 10);
    }
    while (read < sent) {
      io.signal.throwIfAborted();
      await sleep(10);
    }
  } finally {
    clearInterval(sampler);
    ws.close();
  }
  sample();
  report(io, samples);
}
// #endregion run

/** Says what the samples show, and charts them. */
function report(io: DemoIO, samples: Sample[]) {
  const peak = samples.reduce((top, s) =>
    s.buffered > top.buffered ? s : top,
  );
  const last = samples.at(-1)!;
  const kib = (bytes: number) => `${Math.round(bytes / KiB)} KiB`;
  io.log(
    `bufferedAmount peaked at ${kib(peak.buffered)}`,
    `with ${kib(peak.sent)} sent`,
    `and ${kib(peak.read)} read by the server`,
  );
  io.log(
    `the server read all ${last.read / KiB / KiB} MiB;`,
    `bufferedAmount is back to ${last.buffered}`,
  );
  const line = (pick: (s: Sample) => number) =>
    samples.map((s) => [s.ms, Math.round(pick(s) / KiB)]);
  io.show('line', {
    title: 'Where the bytes are',
    x: 'ms since the first send',
    y: 'KiB',
    series: [
      { name: 'sent', points: line((s) => s.sent) },
      { name: 'bufferedAmount', points: line((s) => s.buffered) },
      { name: 'read by the server', points: line((s) => s.read) },
    ],
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a WebSocket and waits until it is open. */
function connect(io: DemoIO, path: string) {
  const ws = new io.WebSocket(io.url(path, 'ws'));
  io.signal.addEventListener('abort', () => ws.close());
  return new Promise<WebSocket>((resolve, reject) => {
    ws.onopen = () => resolve(ws);
    ws.onclose = (event) =>
      reject(new Error(`connection closed with ${event.code}`));
  });
}
