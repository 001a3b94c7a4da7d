// A WHATWG WebSocket's events as promises, for demos that take one
// step at a time: wait until it is open, wait for the next message,
// wait until it is closed. The authentication demos use them.

/** Resolves once `ws` is open; rejects if it closes first. */
export function opened(ws: WebSocket, signal: AbortSignal) {
  // Stop (or a test's time limit) closes the socket, whatever it waits for.
  signal.addEventListener('abort', () => ws.close(), { once: true });
  return new Promise<WebSocket>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener(
      'close',
      (event) =>
        reject(new Error(`closed with ${event.code} before it opened`)),
      { once: true },
    );
  });
}

/** The next text message on `ws`. */
export function nextMessage(ws: WebSocket) {
  return new Promise<string>((resolve, reject) => {
    ws.addEventListener('message', (event) => resolve(String(event.data)), {
      once: true,
    });
    ws.addEventListener(
      'close',
      (event) => reject(new Error(`closed with ${event.code}`)),
      { once: true },
    );
  });
}

/** The close event of `ws`, whenever it comes. */
export function closed(ws: WebSocket) {
  return new Promise<CloseEvent>((resolve) => {
    ws.addEventListener('close', resolve, { once: true });
  });
}
