// A client for the from-scratch server at /ws/raw-echo, with the
// server's frame inspector open beside it: for each message, the
// echo, then the frames the server read and wrote to carry it.
//
// The inspector is a second WebSocket. It is opened first, with a
// random id; the echo connection names that id, and the server reports
// each of its frames to the inspector as it reads or writes it.

import type { DemoIO } from '../demo-io.ts';
import { CloseCode } from './close-codes.ts';
import type { FrameRecord } from './frame-record.ts';

// #region run
/** Sends text and binary to /ws/raw-echo and shows every frame. */
export async function run(io: DemoIO): Promise<void> {
  const id = randomId();
  const inspector = await connect(io, `/ws/raw-inspect?id=${id}`);
  const frames = feed(inspector);
  const ws = await connect(io, `/ws/raw-echo?inspect=${id}`);
  ws.binaryType = 'arraybuffer';
  io.log('connected to', ws.url);

  for (const message of ['Hello', new Uint8Array([0xca, 0xfe])]) {
    const echo = next(ws);
    ws.send(message);
    io.sent(message);
    io.received(await echo);
    // Two frames: the client's, as read, and the echo, as written.
    io.show('frames', await frames(2));
  }

  const closed = new Promise<CloseEvent>((done) => (ws.onclose = done));
  ws.close(CloseCode.NORMAL, 'done');
  const { code, reason } = await closed;
  io.log('closed with code', code, reason);
  io.show('frames', await frames(2));
}
// #endregion run

/** Opens a WebSocket on the playground and waits until it is open. */
function connect(io: DemoIO, path: string) {
  const ws = new io.WebSocket(io.url(path, 'ws'));
  io.signal.addEventListener('abort', () =>
    ws.close(CloseCode.NORMAL, 'stopped'),
  );
  return new Promise<WebSocket>((resolve, reject) => {
    ws.onopen = () => resolve(ws);
    ws.onclose = (event) => {
      reject(new Error(`${path} closed with ${event.code}`));
    };
  });
}

/** The next message a WebSocket receives. */
function next(ws: WebSocket) {
  return new Promise<string | ArrayBuffer>((resolve) => {
    ws.onmessage = (event: MessageEvent<string | ArrayBuffer>) =>
      resolve(event.data);
  });
}

/** Collects the inspector's records; resolves n of them at a time. */
function feed(inspector: WebSocket) {
  const records: FrameRecord[] = [];
  let open = true;
  let wake = () => {};
  inspector.onmessage = (event: MessageEvent<string>) => {
    records.push(JSON.parse(event.data) as FrameRecord);
    wake();
  };
  inspector.onclose = () => {
    open = false;
    wake();
  };
  return async (n: number) => {
    while (records.length < n) {
      if (!open) throw new Error('the inspector closed early');
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return records.splice(0, n);
  };
}

/** 24 random hex digits; the server only accepts ids like it. */
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  return Array.from(bytes, hex).join('');
}
