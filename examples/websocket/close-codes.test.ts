import { expect, test } from 'vitest';
import { CloseCode } from './close-codes.ts';

test('every name has the value RFC 6455 §7.4.1 and the IANA registry give it', () => {
  // The wire values, written out: this table is the registry's.
  expect(CloseCode).toEqual({
    NORMAL: 1000,
    GOING_AWAY: 1001,
    PROTOCOL_ERROR: 1002,
    UNSUPPORTED_DATA: 1003,
    RESERVED: 1004,
    NO_STATUS: 1005,
    ABNORMAL: 1006,
    INVALID_PAYLOAD: 1007,
    POLICY_VIOLATION: 1008,
    MESSAGE_TOO_BIG: 1009,
    MANDATORY_EXTENSION: 1010,
    INTERNAL_ERROR: 1011,
    SERVICE_RESTART: 1012,
    TRY_AGAIN_LATER: 1013,
    BAD_GATEWAY: 1014,
    TLS_HANDSHAKE: 1015,
  });
});

test('no code has two names', () => {
  const codes = Object.values(CloseCode);
  expect(new Set(codes).size).toBe(codes.length);
});
