// The clock the WebSocket limits read. A busy turn of the event loop
// handles many messages, each of which the limits timestamp once or
// twice; they count milliseconds, and a turn normally takes well under
// one, so one reading serves the whole turn (a clock read costs about
// as much as the rest of the limits).

let reading: number | undefined;
const forget = () => {
  reading = undefined;
};

/** performance.now(), read once in each turn of the event loop that asks for it. */
export function turnClock() {
  if (reading === undefined) {
    reading = performance.now();
    setImmediate(forget);
  }
  return reading;
}
