import type { IncomingMessage } from 'node:http';
import { expect, test } from 'vitest';
import { clientAddressOf, forwardedClient } from './client-address.ts';

/** A request as the limits see it: a peer and maybe X-Forwarded-For. */
function request(peer: string, forwardedFor?: string) {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

test('without TRUST_PROXY the TCP peer is the client, whatever the header says', () => {
  const addressOf = clientAddressOf([]);
  expect(addressOf(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  expect(addressOf(request('::ffff:203.0.113.9'))).toBe('203.0.113.9');
  expect(addressOf(request('::1'))).toBe('::1');
});

test('from a trusted proxy, the right-most untrusted hop is the client', () => {
  const addressOf = clientAddressOf(['10.0.0.0/8', '::1']);
  // The balancer appended the address it saw; what is left of it the
  // client wrote itself, and is ignored.
  expect(addressOf(request('10.0.0.2', '1.2.3.4, 203.0.113.9'))).toBe('203.0.113.9');
  // Two trusted proxies in a row are skipped.
  expect(addressOf(request('10.0.0.2', '203.0.113.9, 10.1.2.3'))).toBe('203.0.113.9');
  expect(addressOf(request('::1', '2001:db8::7'))).toBe('2001:db8::7');
  expect(addressOf(request('::ffff:10.0.0.2', '::ffff:203.0.113.9'))).toBe('203.0.113.9');
  // Several header lines are one list.
  expect(forwardedClient('10.0.0.2', ['1.2.3.4', '203.0.113.9'], () => false)).toBe('10.0.0.2');
});

test('a peer that is not trusted cannot choose its address', () => {
  const addressOf = clientAddressOf(['10.0.0.0/8']);
  expect(addressOf(request('203.0.113.9', '10.0.0.5'))).toBe('203.0.113.9');
  expect(addressOf(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
});

test('a trusted proxy without the header, with garbage, or with only proxies', () => {
  const addressOf = clientAddressOf(['10.0.0.0/8']);
  expect(addressOf(request('10.0.0.2'))).toBe('10.0.0.2');
  expect(addressOf(request('10.0.0.2', 'not an address'))).toBe('10.0.0.2');
  expect(addressOf(request('10.0.0.2', 'junk, 203.0.113.9'))).toBe('203.0.113.9');
  expect(addressOf(request('10.0.0.2', '203.0.113.9, junk'))).toBe('10.0.0.2');
  expect(addressOf(request('10.0.0.2', '10.0.0.7, 10.0.0.8'))).toBe('10.0.0.7');
});
