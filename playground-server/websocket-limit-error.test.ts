import { expect, test } from 'vitest';
import { limitErrors } from './websocket-limit-error.ts';

test('each limit error carries its code and its answer', () => {
  expect(limitErrors.tooManySockets(3)).toMatchObject({
    code: 'WS_TOO_MANY_SOCKETS',
    status: 429,
    closeCode: undefined,
  });
  const tooMany = limitErrors.tooManyMessages(100);
  expect(tooMany).toMatchObject({ code: 'WS_TOO_MANY_MESSAGES', closeCode: 1008 });
  // A close reason has room for 123 bytes.
  expect(Buffer.byteLength(tooMany.message)).toBeLessThanOrEqual(123);
  expect(limitErrors.idle(600_000)).toMatchObject({
    code: 'WS_IDLE',
    message: 'idle for 600 s',
    closeCode: 1000,
  });
});
